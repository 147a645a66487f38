package dev.smtpunit.internal.sasl;

import dev.smtpunit.SmtpServerOptions;

/** AUTH PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, on the AUTH line or after an empty challenge. */
final class SaslPlain extends SaslExchange {

    SaslPlain(SmtpServerOptions options) {
        super(options);
    }

    @Override
    public Step respond(String line) {
        String decoded = decode(line);
        if (decoded == null) {
            return undecodable("AUTH PLAIN response");
        }
        String[] fields = decoded.split("\0", -1);
        if (fields.length != 3 || fields[1].isEmpty()) {
            return malformed("AUTH PLAIN response must be authzid NUL authcid NUL password");
        }
        if (!fields[0].isEmpty() && !fields[0].equals(fields[1])) {
            return new Failure(
                    "535",
                    "5.7.8 Authentication credentials invalid (authorization identity " + fields[0] + " differs from "
                            + fields[1] + ")");
        }
        return password(fields[1], fields[2]);
    }
}
