package dev.smtpunit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The octets of a message's header section: 7-bit ASCII unless the transaction declared SMTPUTF8,
 * and then well-formed UTF-8 (RFC 6532 section 3; 8BITMIME covers the body only, RFC 6152 section 3).
 */
final class HeaderOctets {
    private HeaderOctets() {}

    /**
     * @param content the message content
     * @param smtpUtf8 whether MAIL declared SMTPUTF8
     * @return why the header section is refused, or null when it is acceptable
     */
    static String problem(byte[] content, boolean smtpUtf8) {
        int end = headerEnd(content);
        boolean eightBit = false;
        for (int i = 0; i < end && !eightBit; i++) {
            eightBit = content[i] < 0;
        }
        if (!eightBit) {
            return null;
        }
        if (!smtpUtf8) {
            return "8-bit octets in the header section, but MAIL did not declare SMTPUTF8 (RFC 6532 section 3)";
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, 0, end));
            return null;
        } catch (CharacterCodingException e) {
            return "header octets that are not UTF-8 (RFC 6532 section 3)";
        }
    }

    /** {@return the index of the empty line that ends the header section, or the content's length} */
    private static int headerEnd(byte[] content) {
        for (int i = 0; i + 3 < content.length; i++) {
            if (content[i] == '\r' && content[i + 1] == '\n' && content[i + 2] == '\r' && content[i + 3] == '\n') {
                return i;
            }
        }
        return content.length;
    }
}
