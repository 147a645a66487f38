package dev.smtpunit.internal;

import dev.smtpunit.SmtpPhase;

/**
 * The strict framing of command lines: CRLF only (RFC 5321 section 2.3.8), printable US-ASCII
 * (no SMTPUTF8 offered), no empty commands, and line length limits. James never sees a line that
 * breaks one of these.
 */
final class LineRules {
    private LineRules() {}

    /**
     * What a line that breaks a rule gets.
     *
     * @param text the reply text after {@code 500 }
     * @param violation the protocol violation to record in the transcript, or null
     */
    record Broken(String text, String violation) {
        private static Broken violation(String why) {
            return new Broken("5.5.2 Syntax error: " + why, why);
        }
    }

    /**
     * @param line the line without its line ending, decoded as ISO-8859-1 (one char per octet)
     * @param crlf whether it ended with CRLF (rather than a bare LF)
     * @param phase the command's phase
     * @param continuation whether the line continues an AUTH exchange
     * @return the broken rule, or null when the line may be handled
     */
    static Broken check(String line, boolean crlf, SmtpPhase phase, boolean continuation) {
        if (!crlf) {
            return Broken.violation("bare <LF> received; SMTP lines must end with <CRLF> (RFC 5321 section 2.3.8)");
        }
        if (line.indexOf('\r') >= 0) {
            return Broken.violation("bare <CR> received; <CR> may only appear in <CRLF> (RFC 5321 section 2.3.8)");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c > 0x7E || (c < 0x20 && c != '\t')) {
                return Broken.violation("8-bit or control characters in a command; SMTPUTF8 is not offered");
            }
        }
        if (!continuation && line.isBlank()) {
            return new Broken("5.5.2 Syntax error: empty command line", null);
        }
        int max = phase == SmtpPhase.AUTH ? CommandChecks.MAX_AUTH_LINE : CommandChecks.MAX_COMMAND_LINE;
        if (line.length() > max) {
            return new Broken("5.5.2 Error: line too long (at most " + max + " octets)", null);
        }
        return null;
    }
}
