package dev.smtpunit.internal.lint;

/**
 * RFC 2045 sections 2.7, 6.1, 6.7 and 6.8: the Content-Transfer-Encoding is one that exists, and the
 * body really is what it claims (base64 alphabet, line length and padding; quoted-printable escapes,
 * line length and unencoded octets; 7bit really 7-bit).
 */
final class TransferEncodingRules implements LintRule {

    @Override
    public void check(LintContext c) {
        for (MimePart p : c.leaves()) {
            switch (p.transferEncoding) {
                case "7bit" -> sevenBit(c, p);
                case "8bit", "binary" -> {}
                case "base64" -> base64(c, p);
                case "quoted-printable" -> quotedPrintable(c, p);
                default -> {
                    if (!p.transferEncoding.startsWith("x-")) {
                        c.error(
                                "mime.cte.unknown",
                                "RFC 2045 section 6.1",
                                "Content-Transfer-Encoding \"" + p.transferEncoding + "\" does not exist",
                                "Content-Transfer-Encoding",
                                p.path,
                                p.entity.first("Content-Transfer-Encoding").start());
                    }
                }
            }
        }
    }

    private static void sevenBit(LintContext c, MimePart p) {
        byte[] s = c.source;
        for (int i = p.bodyStart(); i < p.bodyEnd; i++) {
            if (s[i] < 0 || s[i] == 0) {
                c.error(
                        "mime.cte.7bit",
                        "RFC 2045 section 2.7",
                        "the part is 7bit (declared or by default) but holds "
                                + (s[i] == 0 ? "a NUL octet" : "8-bit octets") + "; declare 8bit or encode it",
                        "Content-Transfer-Encoding",
                        p.path,
                        i);
                return;
            }
        }
    }

    private static void base64(LintContext c, MimePart p) {
        byte[] s = c.source;
        int pos = p.bodyStart();
        long significant = 0;
        boolean padded = false;
        while (pos < p.bodyEnd) {
            int lineEnd = RawEntity.lineEnd(s, pos, p.bodyEnd);
            int contentEnd = RawEntity.contentEnd(s, pos, lineEnd);
            if (contentEnd - pos > 76) {
                c.error(
                        "mime.cte.base64.line-length",
                        "RFC 2045 section 6.8",
                        "a base64 line is " + (contentEnd - pos) + " characters long; at most 76 are allowed",
                        "Content-Transfer-Encoding",
                        p.path,
                        pos);
            }
            for (int i = pos; i < contentEnd; i++) {
                byte b = s[i];
                if (b == '=') {
                    padded = true;
                    significant++;
                } else if (isBase64(b)) {
                    if (padded) {
                        c.error(
                                "mime.cte.base64.padding",
                                "RFC 2045 section 6.8",
                                "base64 data continues after '=' padding",
                                "Content-Transfer-Encoding",
                                p.path,
                                pos);
                        return;
                    }
                    significant++;
                } else if (b != ' ' && b != '\t') {
                    c.error(
                            "mime.cte.base64.alphabet",
                            "RFC 2045 section 6.8",
                            "'" + printable(b) + "' is not in the base64 alphabet",
                            "Content-Transfer-Encoding",
                            p.path,
                            pos);
                    return;
                }
            }
            pos = lineEnd;
        }
        if (significant % 4 != 0) {
            c.error(
                    "mime.cte.base64.padding",
                    "RFC 2045 section 6.8",
                    "the base64 data is " + significant + " characters, not a multiple of 4 (truncated or unpadded)",
                    "Content-Transfer-Encoding",
                    p.path,
                    p.bodyStart());
        }
    }

    private static void quotedPrintable(LintContext c, MimePart p) {
        byte[] s = c.source;
        int pos = p.bodyStart();
        while (pos < p.bodyEnd) {
            int lineEnd = RawEntity.lineEnd(s, pos, p.bodyEnd);
            int contentEnd = RawEntity.contentEnd(s, pos, lineEnd);
            if (contentEnd - pos > 76) {
                c.error(
                        "mime.cte.qp.line-length",
                        "RFC 2045 section 6.7 (rule 5)",
                        "a quoted-printable line is " + (contentEnd - pos) + " characters long; at most 76 are allowed",
                        "Content-Transfer-Encoding",
                        p.path,
                        pos);
            }
            for (int i = pos; i < contentEnd; i++) {
                byte b = s[i];
                if (b == '=') {
                    boolean softBreak = i + 1 == contentEnd;
                    if (!softBreak && !(hex(s, i + 1, contentEnd) && hex(s, i + 2, contentEnd))) {
                        c.error(
                                "mime.cte.qp.escape",
                                "RFC 2045 section 6.7 (rule 1)",
                                "'=' is not followed by two hex" + " digits or a line break",
                                "Content-Transfer-Encoding",
                                p.path,
                                pos);
                        break;
                    }
                    i += softBreak ? 0 : 2;
                } else if (b < 0 || (b < 32 && b != '\t')) {
                    c.error(
                            "mime.cte.qp.unencoded",
                            "RFC 2045 section 6.7 (rules 1 and 2)",
                            "octet 0x" + Integer.toHexString(b & 0xff) + " must be written as ="
                                    + String.format("%02X", b & 0xff),
                            "Content-Transfer-Encoding",
                            p.path,
                            pos);
                    break;
                }
            }
            pos = lineEnd;
        }
    }

    private static boolean hex(byte[] s, int i, int end) {
        if (i >= end) {
            return false;
        }
        byte b = s[i];
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }

    private static boolean isBase64(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/';
    }

    private static String printable(byte b) {
        return b >= 32 && b < 127 ? String.valueOf((char) b) : "0x" + Integer.toHexString(b & 0xff);
    }
}
