package dev.smtpunit.internal;

import org.apache.james.protocols.api.Response;

/**
 * What handling a command produced.
 *
 * @param reply the reply to send, or null when the connection is to close without one
 * @param response James' response, which says whether TLS starts or the session ends; may be null
 */
record Outcome(Interner.WireReply reply, Response response) {}
