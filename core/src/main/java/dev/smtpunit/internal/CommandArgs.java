package dev.smtpunit.internal;

import java.util.Map;

/**
 * The path and ESMTP parameters of a {@code MAIL FROM:} or {@code RCPT TO:} argument.
 *
 * @param path the mailbox inside the angle brackets, without a source route; empty for {@code <>}
 * @param parameters upper-cased names to values in order; a name without value maps to ""
 */
record CommandArgs(String path, Map<String, String> parameters) {

    /**
     * The argument of a MAIL or RCPT line, parsed strictly (see {@link PathSyntax}).
     *
     * @param line the whole command line
     * @param keyword {@code FROM} or {@code TO}
     * @return the parsed arguments, or null when the line is not of that form
     */
    static CommandArgs ofLine(String line, String keyword) {
        PathSyntax.Result result = PathSyntax.parseCommand(line, keyword.equals("FROM"));
        return result.ok() ? result.args() : null;
    }
}
