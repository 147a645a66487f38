#!/usr/bin/env python3
"""Writes the lint corpus: one clean, real-world-shaped message and variants of it, each broken in
one known way. The expected findings of each file are in expected.properties. Run from this folder:
python3 make-corpus.py"""

CLEAN_HEADERS = [
    "Return-Path: <billing@shop.example>",
    "Date: Mon, 30 Nov 2026 14:05:00 +0000",
    "From: Example Shop <billing@shop.example>",
    "To: Ada Lovelace <ada@example.com>",
    "Subject: Your receipt for order 1042",
    "Message-ID: <20261130140500.1042@shop.example>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="mixed-b1"',
]
TEXT = ["Hello Ada,", "", "thank you for your order 1042. Your receipt is attached.", "", "Example Shop"]
HTML = ["<p>Hello Ada,</p>", "<p>thank you for your order 1042. Your receipt is attached.</p>"]
PDF_B64 = ["JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRlci9GbGF0ZURl",
           "Y29kZT4+CnN0cmVhbQp4nDPQM1Qo5ypUMFAw0DMwslAwtTTVMzI2UzC0MDFRKErlCtfiyuQK5AIA"]


def message(headers=None, text=None, html=None, text_part_headers=None, attachment_headers=None,
            attachment_body=None, close=True, boundary="mixed-b1", alt_boundary="alt-b2"):
    headers = CLEAN_HEADERS if headers is None else headers
    text = TEXT if text is None else text
    html = HTML if html is None else html
    text_part_headers = text_part_headers or ['Content-Type: text/plain; charset=UTF-8',
                                              'Content-Transfer-Encoding: 7bit']
    attachment_headers = attachment_headers or ['Content-Type: application/pdf; name="receipt-1042.pdf"',
                                                'Content-Transfer-Encoding: base64',
                                                'Content-Disposition: attachment; filename="receipt-1042.pdf"']
    attachment_body = PDF_B64 if attachment_body is None else attachment_body
    lines = list(headers) + [""]
    lines += ["This is a multi-part message in MIME format.", "--" + boundary,
              'Content-Type: multipart/alternative; boundary="%s"' % alt_boundary, "", "--" + alt_boundary]
    lines += text_part_headers + [""] + text
    lines += ["--" + alt_boundary, "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: 7bit", ""]
    lines += html + ["--" + alt_boundary + "--", "--" + boundary]
    lines += attachment_headers + [""] + attachment_body
    if close:
        lines += ["--" + boundary + "--"]
    return "\r\n".join(lines) + "\r\n"


def replace(headers, name, new):
    out = []
    for h in headers:
        if h.split(":")[0].lower() == name.lower():
            if new is not None:
                out.append(new)
        else:
            out.append(h)
    return out


def write(name, text, encoding="utf-8"):
    data = text if isinstance(text, bytes) else text.encode(encoding)
    with open(name, "wb") as f:
        f.write(data)


write("clean.eml", message())
write("missing-date.eml", message(headers=replace(CLEAN_HEADERS, "Date", None)))
write("missing-from.eml", message(headers=replace(CLEAN_HEADERS, "From", None)))
write("missing-message-id.eml", message(headers=replace(CLEAN_HEADERS, "Message-ID", None)))
write("bad-message-id.eml", message(headers=replace(CLEAN_HEADERS, "Message-ID", "Message-ID: 20261130.1042@shop.example")))
write("duplicate-subject.eml", message(headers=CLEAN_HEADERS[:5] + ["Subject: Your receipt (again)"] + CLEAN_HEADERS[5:]))
write("bcc-leak.eml", message(headers=CLEAN_HEADERS[:4] + ["Bcc: audit@shop.example"] + CLEAN_HEADERS[4:]))
write("bad-date.eml", message(headers=replace(CLEAN_HEADERS, "Date", "Date: 2026-11-30T14:05:00Z")))
write("bad-address.eml", message(headers=replace(CLEAN_HEADERS, "To", "To: Ada Lovelace <ada@@example.com>")))
write("long-header-line.eml", message(headers=replace(CLEAN_HEADERS, "Subject", "Subject: " + "receipt " * 130)))
write("folded-subject-78.eml", message(headers=replace(CLEAN_HEADERS, "Subject", "Subject: " + "receipt " * 11)))
write("bad-folding.eml", message(headers=CLEAN_HEADERS[:5] + ["this line lost its leading space"] + CLEAN_HEADERS[5:]))
write("bare-lf.eml", message().replace("thank you for your order 1042.", "thank you\nfor your order 1042.", 1))
write("bare-cr.eml", message().replace("thank you for your order 1042.", "thank you\rfor your order 1042.", 1))
write("raw-utf8-subject.eml", message(headers=replace(CLEAN_HEADERS, "Subject", "Subject: Ihre Bestellbestätigung")))
write("8bit-without-8bitmime.eml", message(text=["Grüße, Ada"],
                                              text_part_headers=["Content-Type: text/plain; charset=UTF-8",
                                                                 "Content-Transfer-Encoding: 8bit"]))
write("no-mime-version.eml", message(headers=replace(CLEAN_HEADERS, "MIME-Version", None)))
write("boundary-missing-parameter.eml", message(headers=replace(CLEAN_HEADERS, "Content-Type",
                                                                "Content-Type: multipart/mixed")))
write("boundary-not-found.eml", message(headers=replace(CLEAN_HEADERS, "Content-Type",
                                                        'Content-Type: multipart/mixed; boundary="other-boundary"')))
write("boundary-not-closed.eml", message(close=False))
write("empty-multipart.eml", "\r\n".join(CLEAN_HEADERS + ["", "--mixed-b1--", ""]))
write("base64-bad-alphabet.eml", message(attachment_body=["JVBERi0xLjQK*cOkw7zDtsOf"]))
write("base64-long-line.eml", message(attachment_body=["".join(PDF_B64) ]))
write("qp-bad-escape.eml", message(text=["Price: 10 =E2=82=AC, discount =ZZ"],
                                    text_part_headers=["Content-Type: text/plain; charset=UTF-8",
                                                       "Content-Transfer-Encoding: quoted-printable"]))
write("7bit-with-8bit.eml", message(text=["Grüße, Ada"]))
write("charset-missing.eml", message(text_part_headers=["Content-Type: text/plain", "Content-Transfer-Encoding: 7bit"]))
write("charset-wrong.eml", message(text=["Gr=FC=DFe, Ada"], text_part_headers=[
    "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"]))
write("filename-encoded-word.eml", message(attachment_headers=[
    'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?="']))
write("filename-rfc2231-bad.eml", message(attachment_headers=[
    'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64',
    "Content-Disposition: attachment; filename*=UTF-8''Rechnung%ZZ.pdf"]))
write("from-two-mailboxes-no-sender.eml", message(headers=replace(
    CLEAN_HEADERS, "From", "From: Example Shop <billing@shop.example>, Ada <ada@shop.example>")))
write("blank-fold-line.eml", message(headers=CLEAN_HEADERS[:4] + ["Subject: Your receipt", "   ", " for order 1042"]
                                     + CLEAN_HEADERS[5:]))
write("space-before-colon.eml", message(headers=replace(CLEAN_HEADERS, "Subject", "Subject : Your receipt")))
write("mime-version-2.eml", message(headers=replace(CLEAN_HEADERS, "MIME-Version", "MIME-Version: 2.0")))
write("content-type-syntax.eml", message(text_part_headers=["Content-Type: text/plain; charset=\"UTF-8",
                                                            "Content-Transfer-Encoding: 7bit"]))
write("multipart-base64.eml", message(headers=CLEAN_HEADERS + ["Content-Transfer-Encoding: base64"]))
write("cte-unknown.eml", message(text_part_headers=["Content-Type: text/plain; charset=UTF-8",
                                                    "Content-Transfer-Encoding: uuencode"]))
write("qp-long-line.eml", message(text=["a" * 80], text_part_headers=[
    "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"]))
write("qp-unencoded-octet.eml", message(text=["Gr\u00fc\u00dfe"], text_part_headers=[
    "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"]))
write("charset-undeclared-8bit.eml", message(text=["Gr=C3=BC=C3=9Fe"], text_part_headers=[
    "Content-Type: text/plain", "Content-Transfer-Encoding: quoted-printable"]))
write("charset-unknown.eml", message(text_part_headers=["Content-Type: text/plain; charset=klingon-8",
                                                        "Content-Transfer-Encoding: 7bit"]))
write("filename-raw-utf8.eml", message(attachment_headers=[
    'Content-Type: application/pdf', 'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="Rechnung M\u00e4rz.pdf"']))
