#!/usr/bin/python3
"""Signs test messages with dkimpy (Debian's python3-dkim 1.1.4 with python3-nacl), an independent
DKIM implementation, so that SmtpUnit's verifier is checked against signatures it did not make.

    apt-get install python3-dkim python3-nacl && /usr/bin/python3 make-signatures.py

Writes the key records (*.txt, the DNS TXT values), the private keys (*.pem, *.key: test keys only)
and the signed messages (*.eml). Every signature is verified by dkimpy before it is written."""
import base64
import subprocess
import time

import dkim
import nacl.encoding
import nacl.signing

MESSAGE = (b"Date: Mon, 30 Nov 2026 14:05:00 +0000\r\n"
           b"From: Example Shop <billing@shop.example>\r\n"
           b"To: Ada Lovelace <ada@example.com>\r\n"
           b"Subject:   Your receipt\r\n"
           b"\tfor order 1042\r\n"
           b"Message-ID: <20261130140500.1042@shop.example>\r\n"
           b"MIME-Version: 1.0\r\n"
           b"Content-Type: text/plain; charset=UTF-8\r\n"
           b"Content-Transfer-Encoding: 7bit\r\n"
           b"\r\n"
           b"Hello Ada,  \r\n"
           b"\r\n"
           b"thank you for your order\t 1042.\r\n"
           b"\r\n"
           b"\r\n")
HEADERS = [b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type"]


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


subprocess.run(["openssl", "genpkey", "-quiet", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem"],
               check=True)
der = subprocess.run(["openssl", "pkey", "-in", "rsa.pem", "-pubout", "-outform", "DER"], check=True,
                     capture_output=True).stdout
rsa_pem = open("rsa.pem", "rb").read()
rsa_txt = b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)
write("rsa.txt", rsa_txt + b"\n")

ed_key = nacl.signing.SigningKey.generate()
ed_private = ed_key.encode(encoder=nacl.encoding.Base64Encoder)
ed_txt = b"v=DKIM1; k=ed25519; p=" + ed_key.verify_key.encode(encoder=nacl.encoding.Base64Encoder)
write("ed25519.key", ed_private + b"\n")
write("ed25519.txt", ed_txt + b"\n")

RECORDS = {b"rsa._domainkey.shop.example.": rsa_txt, b"ed._domainkey.shop.example.": ed_txt}


def dns(name, timeout=5):
    return RECORDS.get(name)


def sign(message, selector, key, algorithm, canonicalize, length=False, extra=None):
    d = dkim.DKIM(message)
    if extra:
        original = d.gen_header

        def gen_header(fields, *rest):
            return original(fields[:-2] + extra + fields[-2:], *rest)

        d.gen_header = gen_header
    return d.sign(selector, b"shop.example", key, signature_algorithm=algorithm, canonicalize=canonicalize,
                  include_headers=HEADERS, length=length) + message


def checked(name, signed, expect=True):
    if expect is not None:
        assert dkim.verify(signed, dnsfunc=dns) == expect, name
    write(name, signed)


checked("rsa-relaxed.eml", sign(MESSAGE, b"rsa", rsa_pem, b"rsa-sha256", (b"relaxed", b"relaxed")))
checked("rsa-simple.eml", sign(MESSAGE, b"rsa", rsa_pem, b"rsa-sha256", (b"simple", b"simple")))
checked("ed25519.eml", sign(MESSAGE, b"ed", ed_private, b"ed25519-sha256", (b"relaxed", b"relaxed")))
# RFC 8463 section 5: sign with both algorithms
dual = sign(sign(MESSAGE, b"rsa", rsa_pem, b"rsa-sha256", (b"relaxed", b"simple")), b"ed", ed_private,
            b"ed25519-sha256", (b"relaxed", b"simple"))
checked("dual.eml", dual)
# l= covers the body as signed; a mailing list then appends a footer, which l= leaves unsigned
checked("rsa-length.eml", sign(MESSAGE, b"rsa", rsa_pem, b"rsa-sha256", (b"relaxed", b"simple"), length=True)
        + b"-- \r\nSent through the shop-announce list\r\n")
# x= an hour before the signing time
now = int(time.time())
checked("rsa-expired.eml", sign(MESSAGE, b"rsa", rsa_pem, b"rsa-sha256", (b"relaxed", b"relaxed"),
                                extra=[(b"x", str(now - 3600).encode())]), expect=None)
checked("rsa-sha1.eml", sign(MESSAGE, b"rsa", rsa_pem, b"rsa-sha1", (b"relaxed", b"relaxed")), expect=None)
