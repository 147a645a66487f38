package dev.smtpunit.internal;

import java.util.Map;

/**
 * The path and ESMTP parameters of a {@code MAIL FROM:} or {@code RCPT TO:} argument.
 *
 * @param path the mailbox inside the angle brackets, without a source route; empty for {@code <>}
 * @param parameters upper-cased names to values in order; a name without value maps to ""
 */
record CommandArgs(String path, Map<String, String> parameters) {}
