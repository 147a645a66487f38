package dev.smtpunit.internal;

import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpServerOptions;

/**
 * The strict framing of command lines: CRLF only (RFC 5321 section 2.3.8), the octets a command may
 * hold ({@link CommandText}: printable US-ASCII, UTF-8 where SMTPUTF8 allows it), no empty commands,
 * and line length limits in octets. James never sees a line that
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
     * @param text the line without its line ending, decoded
     * @param octets the line's length in octets
     * @param options the server's options
     * @param crlf whether it ended with CRLF (rather than a bare LF)
     * @param phase the command's phase
     * @param continuation whether the line continues an AUTH exchange
     * @return the broken rule, or null when the line may be handled
     */
    static Broken check(
            CommandText text,
            int octets,
            SmtpServerOptions options,
            boolean crlf,
            SmtpPhase phase,
            boolean continuation) {
        String line = text.line();
        if (!crlf) {
            return Broken.violation("bare <LF> received; SMTP lines must end with <CRLF> (RFC 5321 section 2.3.8)");
        }
        if (line.indexOf('\r') >= 0) {
            return Broken.violation("bare <CR> received; <CR> may only appear in <CRLF> (RFC 5321 section 2.3.8)");
        }
        String badText = text.violation(options, phase);
        if (badText != null) {
            return Broken.violation(badText);
        }
        if (!continuation && line.isBlank()) {
            return new Broken("5.5.2 Syntax error: empty command line", null);
        }
        int max = phase == SmtpPhase.AUTH ? CommandChecks.MAX_AUTH_LINE : CommandChecks.MAX_COMMAND_LINE;
        if (octets > max) {
            return new Broken("5.5.2 Error: line too long (at most " + max + " octets)", null);
        }
        return null;
    }
}
