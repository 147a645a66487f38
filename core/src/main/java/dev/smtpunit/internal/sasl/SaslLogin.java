package dev.smtpunit.internal.sasl;

import dev.smtpunit.SmtpServerOptions;

/** AUTH LOGIN: the user name (on the AUTH line or after {@code Username:}), then the password after {@code Password:}. */
final class SaslLogin extends SaslExchange {
    private static final String USERNAME_PROMPT = encode("Username:");
    private static final String PASSWORD_PROMPT = encode("Password:");

    private String user;

    SaslLogin(SmtpServerOptions options) {
        super(options);
    }

    @Override
    public Step start(String initialResponse) {
        return initialResponse == null ? new Challenge(USERNAME_PROMPT, false) : respond(initialResponse);
    }

    @Override
    public Step respond(String line) {
        String decoded = decode(line);
        if (user == null) {
            if (decoded == null) {
                return undecodable("AUTH LOGIN user name");
            }
            user = decoded;
            return new Challenge(PASSWORD_PROMPT, true);
        }
        if (decoded == null) {
            return undecodable("AUTH LOGIN password");
        }
        return password(user, decoded);
    }
}
