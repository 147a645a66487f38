package dev.smtpunit.internal.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** RFC 6376 section 3.4: the simple and relaxed canonicalization of header fields and bodies. */
final class Canonicalizer {
    private Canonicalizer() {}

    /**
     * @param raw the whole field, line breaks included
     * @param relaxed relaxed or simple
     * @return the canonical form (simple: unchanged; relaxed: name lower case, unfolded, white space runs as one SP)
     */
    static byte[] header(byte[] raw, boolean relaxed) {
        if (!relaxed) {
            return raw;
        }
        String field = new String(raw, StandardCharsets.ISO_8859_1);
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1)
                .replace("\r\n", "")
                .replace("\n", "")
                .replace("\r", "")
                .replaceAll("[ \\t]+", " ")
                .strip();
        return (name + ":" + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param body the body octets (after the blank line)
     * @param relaxed relaxed or simple
     * @return the canonical body
     */
    static byte[] body(byte[] body, boolean relaxed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 2);
        int pos = 0;
        while (pos < body.length) {
            int lf = indexOf(body, pos, (byte) '\n');
            int lineEnd = lf < 0 ? body.length : lf + 1;
            int contentEnd = lf < 0 ? body.length : (lf > pos && body[lf - 1] == '\r' ? lf - 1 : lf);
            if (relaxed) {
                writeRelaxedLine(out, body, pos, contentEnd);
            } else {
                out.write(body, pos, contentEnd - pos);
            }
            out.write('\r');
            out.write('\n');
            pos = lineEnd;
        }
        byte[] lines = out.toByteArray();
        int end = lines.length;
        while (end >= 4
                && lines[end - 1] == '\n'
                && lines[end - 2] == '\r'
                && lines[end - 3] == '\n'
                && lines[end - 4] == '\r') {
            end -= 2;
        }
        if (end == 2 && lines[0] == '\r' && lines[1] == '\n') {
            end = 0;
        }
        if (end == 0) {
            return relaxed ? new byte[0] : new byte[] {'\r', '\n'};
        }
        return Arrays.copyOf(lines, end);
    }

    private static void writeRelaxedLine(ByteArrayOutputStream out, byte[] s, int from, int to) {
        int end = to;
        while (end > from && (s[end - 1] == ' ' || s[end - 1] == '\t')) {
            end--;
        }
        boolean inSpace = false;
        for (int i = from; i < end; i++) {
            byte b = s[i];
            if (b == ' ' || b == '\t') {
                if (!inSpace) {
                    out.write(' ');
                }
                inSpace = true;
            } else {
                out.write(b);
                inSpace = false;
            }
        }
    }

    private static int indexOf(byte[] s, int from, byte b) {
        for (int i = from; i < s.length; i++) {
            if (s[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
