package dev.smtpunit.internal;

import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpServerOptions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A command line as text, and the octets a command may not contain. Well-formed UTF-8 is decoded as
 * UTF-8, so the transcript shows what the client meant ({@code jürgen@bücher.example}, never
 * {@code jÃ¼rgen@...}); other 8-bit octets are shown one character per octet.
 *
 * <p>Refused with 500: control characters; 8-bit octets that are not UTF-8; UTF-8 outside the
 * arguments of MAIL, RCPT, VRFY and EXPN (RFC 6531 section 3.3). UTF-8 in MAIL and RCPT is let through
 * whether SMTPUTF8 is offered or not: those commands answer {@code 550 5.6.7} (MAIL) or
 * {@code 553 5.6.7} (RCPT) when the transaction did not declare it (RFC 6531 sections 3.4 and 3.5).
 */
final class CommandText {
    private final String line;
    private final boolean eightBit;
    private final boolean utf8;
    private final boolean control;

    private CommandText(String line, boolean eightBit, boolean utf8, boolean control) {
        this.line = line;
        this.eightBit = eightBit;
        this.utf8 = utf8;
        this.control = control;
    }

    /**
     * @param buf the input
     * @param start the first octet of the line
     * @param length the length without CRLF
     * @return the line
     */
    static CommandText decode(byte[] buf, int start, int length) {
        boolean eightBit = false;
        boolean control = false;
        for (int i = start; i < start + length; i++) {
            int b = buf[i] & 0xFF;
            if (b >= 0x80) {
                eightBit = true;
            } else if ((b < 0x20 && b != '\t') || b == 0x7F) {
                control = true;
            }
        }
        if (!eightBit) {
            return new CommandText(new String(buf, start, length, StandardCharsets.US_ASCII), false, false, control);
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, length))
                    .toString();
            return new CommandText(text, true, true, control);
        } catch (CharacterCodingException e) {
            return new CommandText(new String(buf, start, length, StandardCharsets.ISO_8859_1), true, false, control);
        }
    }

    /** {@return the line as text} */
    String line() {
        return line;
    }

    /**
     * @param options the server options
     * @param phase the command
     * @return why the line is refused with {@code 500 5.5.2 Syntax error: ...}, or null to go on
     */
    String violation(SmtpServerOptions options, SmtpPhase phase) {
        if (!control && !eightBit) {
            return null;
        }
        boolean utf8Command = phase == SmtpPhase.MAIL
                || phase == SmtpPhase.RCPT
                || phase == SmtpPhase.VRFY
                || phase == SmtpPhase.EXPN;
        if (!options.smtpUtf8()) {
            boolean letThrough = !control && utf8 && (phase == SmtpPhase.MAIL || phase == SmtpPhase.RCPT);
            return letThrough ? null : "8-bit or control characters in a command; SMTPUTF8 is not offered";
        }
        if (control) {
            return "control characters in a command";
        }
        if (!utf8) {
            return "8-bit octets that are not UTF-8 in a command (RFC 6531 section 3.3)";
        }
        return utf8Command
                ? null
                : "UTF-8 is allowed only in the arguments of MAIL, RCPT, VRFY and EXPN (RFC 6531 section 3.3)";
    }
}
