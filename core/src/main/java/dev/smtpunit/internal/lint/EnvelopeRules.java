package dev.smtpunit.internal.lint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The envelope against the content: 8-bit octets need {@code BODY=8BITMIME} (RFC 6152), raw UTF-8 in
 * headers needs {@code SMTPUTF8} (RFC 6531, RFC 6532), and the From domain should align with the
 * envelope sender's (RFC 7489 section 3.1, relaxed alignment).
 */
final class EnvelopeRules implements LintRule {

    @Override
    public void check(LintContext c) {
        byte[] s = c.source;
        boolean utf8 = c.smtpUtf8();
        for (MimePart p : c.parts()) {
            for (HeaderField f : p.entity.fields()) {
                int at = firstHigh(s, f.start(), f.end());
                if (at < 0) {
                    continue;
                }
                if (!utf8) {
                    c.error(
                            "header.non-ascii",
                            "RFC 5322 section 2.2; RFC 6532 section 3; RFC 2047",
                            f.name() + " holds raw non-ASCII octets; encode them with RFC 2047 encoded-words, or send"
                                    + " with MAIL FROM ... SMTPUTF8"
                                    + (c.envelopeSender == null ? " (envelope not known)" : ""),
                            f.name(),
                            p.path,
                            f.start());
                } else if (!validUtf8(s, f.start(), f.end())) {
                    c.error(
                            "header.utf8.invalid",
                            "RFC 6532 section 3.2",
                            f.name() + " holds non-ASCII octets that are not valid UTF-8",
                            f.name(),
                            p.path,
                            f.start());
                }
            }
        }
        int body = firstHigh(s, c.top.bodyStart(), s.length);
        if (body >= 0 && !c.mailParameter("BODY", "8BITMIME", "BINARYMIME")) {
            c.error(
                    "envelope.8bit-without-8bitmime",
                    "RFC 6152 section 3; RFC 5321 section 2.4",
                    "the content holds 8-bit octets but MAIL FROM did not declare BODY=8BITMIME"
                            + (c.envelopeSender == null ? " (envelope not known)" : ""),
                    "",
                    "",
                    body);
        }
        if (c.envelopeSender != null && !c.envelopeSender.isEmpty()) {
            HeaderField from = c.top.first("From");
            String fromDomain = from == null ? null : Addresses.firstDomain(from.value());
            int at = c.envelopeSender.lastIndexOf('@');
            String envelopeDomain =
                    at < 0 ? null : c.envelopeSender.substring(at + 1).toLowerCase(Locale.ROOT);
            if (fromDomain != null
                    && envelopeDomain != null
                    && !organizational(fromDomain).equals(organizational(envelopeDomain))) {
                c.warning(
                        "envelope.from-alignment",
                        "RFC 7489 section 3.1 (DMARC relaxed alignment)",
                        "the From domain " + fromDomain + " does not align with the envelope sender's domain "
                                + envelopeDomain + "; DMARC checks with SPF will fail",
                        "From",
                        "",
                        from.start());
            }
        }
    }

    /** The last two labels: an approximation of the organizational domain without the public suffix list. */
    private static String organizational(String domain) {
        String[] labels = domain.split("\\.");
        return labels.length <= 2 ? domain : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    static int firstHigh(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean validUtf8(byte[] s, int from, int to) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
