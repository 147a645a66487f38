package dev.smtpunit.internal.lint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One header field exactly as it is in the message bytes: all its lines, folds and final line
 * break included. Used by lint and by DKIM (which hashes the raw octets).
 *
 * @param name the field name as written
 * @param source the whole message
 * @param start the offset of the first octet of the field name
 * @param end the offset just past the field's last line break
 * @param wspBeforeColon whether white space stands between the name and the colon (obsolete syntax)
 */
public record HeaderField(String name, byte[] source, int start, int end, boolean wspBeforeColon) {

    /** {@return the octets of the whole field, line breaks included} */
    public byte[] raw() {
        return Arrays.copyOfRange(source, start, end);
    }

    /** {@return the octets after the colon, line breaks (folds and final) included} */
    public byte[] rawValue() {
        int colon = start;
        while (source[colon] != ':') {
            colon++;
        }
        return Arrays.copyOfRange(source, colon + 1, end);
    }

    /** {@return the value after the colon, unfolded (CR and LF removed), octets kept as ISO-8859-1 characters} */
    public String unfoldedLatin1() {
        return new String(unfold(rawValue()), StandardCharsets.ISO_8859_1);
    }

    /** {@return the value after the colon, unfolded and trimmed, read as UTF-8} */
    public String value() {
        return new String(unfold(rawValue()), StandardCharsets.UTF_8).strip();
    }

    /**
     * @param name a field name
     * @return whether this field has that name, ignoring case
     */
    public boolean is(String name) {
        return this.name.equalsIgnoreCase(name);
    }

    private static byte[] unfold(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length);
        for (byte b : value) {
            if (b != '\r' && b != '\n') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return name + ":" + value();
    }
}
