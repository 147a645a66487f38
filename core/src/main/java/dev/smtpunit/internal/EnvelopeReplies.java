package dev.smtpunit.internal;

import org.apache.james.protocols.api.Response;

/** The refusals MAIL and RCPT share. */
final class EnvelopeReplies {
    private EnvelopeReplies() {}

    /**
     * The reply to a MAIL or RCPT argument the parser refused.
     *
     * @param problem what was wrong
     * @param mail true for MAIL, false for RCPT
     * @return the reply
     */
    static Response refusal(PathSyntax.Problem problem, boolean mail) {
        String enhanced = mail ? "5.1.7" : "5.1.3";
        switch (problem) {
            case USAGE:
                return mail
                        ? Replies.of("501", "5.5.4 Usage: MAIL FROM:<sender>")
                        : Replies.of("501", "5.5.2 Usage: RCPT TO:<recipient>");
            case NOT_BRACKETED:
                return Replies.of("501", enhanced + " Syntax error in " + (mail ? "MAIL" : "RCPT") + " command");
            case PARAMETER_SYNTAX:
                return parameterSyntax(mail ? "MAIL" : "RCPT");
            default:
                return pathProblem(problem, enhanced, mail ? "sender" : "recipient");
        }
    }

    /**
     * A path the parser refused; the size limits are those of RFC 5321 section 4.5.3.1, whose
     * section 4.5.3.1.9 gives {@code 501 Path too long} as the reply.
     */
    private static Response pathProblem(PathSyntax.Problem problem, String enhanced, String role) {
        switch (problem) {
            case LOCAL_PART_TOO_LONG:
                return Replies.of(
                        "501",
                        enhanced + " Path too long: local part of more than " + PathSyntax.MAX_LOCAL_PART
                                + " octets (RFC 5321 section 4.5.3.1.1)");
            case DOMAIN_TOO_LONG:
                return Replies.of(
                        "501",
                        enhanced + " Path too long: domain of more than " + PathSyntax.MAX_DOMAIN
                                + " octets (RFC 5321 section 4.5.3.1.2)");
            case PATH_TOO_LONG:
                return Replies.of(
                        "501",
                        enhanced + " Path too long: more than " + PathSyntax.MAX_PATH
                                + " octets (RFC 5321 section 4.5.3.1.3)");
            default:
                return Replies.of("501", enhanced + " Syntax error in " + role + " address");
        }
    }

    /** Parameters that are not {@code esmtp-keyword ["=" esmtp-value]} separated by single spaces. */
    private static Response parameterSyntax(String command) {
        return Replies.of(
                "501",
                "5.5.4 Syntax error in " + command + " parameters (RFC 5321 section 4.1.2:"
                        + " esmtp-keyword[=esmtp-value], separated by one space, each at most once)");
    }

    /**
     * RFC 6531 section 3.4: a non-ASCII address needs a server that offers SMTPUTF8 and a MAIL that
     * declares it. The refusal is {@code X.6.7} ("non-ASCII addresses not permitted for that
     * sender/recipient", section 3.7.4.1) with the codes section 3.5 fixes: {@code 550} for the
     * sender at MAIL, {@code 553} for a recipient at RCPT.
     *
     * @param sender true for the MAIL sender, false for an RCPT recipient
     * @param offered whether the server offers SMTPUTF8
     * @return the refusal
     */
    static Response nonAscii(boolean sender, boolean offered) {
        return Replies.of(
                sender ? "550" : "553",
                "5.6.7 Non-ASCII " + (sender ? "sender" : "recipient")
                        + " address not permitted: "
                        + (offered ? "MAIL did not declare SMTPUTF8" : "SMTPUTF8 is not offered")
                        + " (RFC 6531 section 3.5)");
    }
}
