package dev.smtpunit.internal;

import org.apache.james.protocols.api.Response;

/** The refusals MAIL and RCPT share. */
final class EnvelopeReplies {
    private EnvelopeReplies() {}

    /**
     * A path the parser refused; the size limits are those of RFC 5321 section 4.5.3.1, whose
     * section 4.5.3.1.9 gives {@code 501 Path too long} as the reply.
     */
    static Response pathProblem(PathSyntax.Problem problem, String enhanced, String role) {
        switch (problem) {
            case LOCAL_PART_TOO_LONG:
                return Replies.of("501", enhanced + " Path too long: local part of more than " + PathSyntax.MAX_LOCAL_PART
                        + " octets (RFC 5321 section 4.5.3.1.1)");
            case DOMAIN_TOO_LONG:
                return Replies.of("501", enhanced + " Path too long: domain of more than " + PathSyntax.MAX_DOMAIN
                        + " octets (RFC 5321 section 4.5.3.1.2)");
            case PATH_TOO_LONG:
                return Replies.of("501", enhanced + " Path too long: more than " + PathSyntax.MAX_PATH
                        + " octets (RFC 5321 section 4.5.3.1.3)");
            default:
                return Replies.of("501", enhanced + " Syntax error in " + role + " address");
        }
    }

    /** Parameters that are not {@code esmtp-keyword ["=" esmtp-value]} separated by single spaces. */
    static Response parameterSyntax(String command) {
        return Replies.of("501", "5.5.4 Syntax error in " + command + " parameters (RFC 5321 section 4.1.2:"
                + " esmtp-keyword[=esmtp-value], separated by one space, each at most once)");
    }

    /** RFC 6531 section 3.4: a non-ASCII address needs SMTPUTF8 on MAIL; X.6.7 is its enhanced code. */
    static Response nonAscii(String role) {
        return Replies.of("553", "5.6.7 Non-ASCII " + role + " address not permitted: MAIL did not declare SMTPUTF8"
                + " (RFC 6531 section 3.4)");
    }
}
