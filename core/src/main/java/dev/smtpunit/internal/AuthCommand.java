package dev.smtpunit.internal;

import dev.smtpunit.SmtpServerOptions;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AUTH PLAIN and LOGIN (RFC 4954, RFC 4616), replacing James' handler: every error path ends the
 * exchange (James' leaves its continuation handler in place, so the next command would be read as a
 * credential), {@code *} cancels with 501, and the success text is spelled right.
 */
final class AuthCommand implements CommandHandler<SMTPSession>, EhloExtension {
    private static final Set<String> COMMANDS = Set.of("AUTH");
    private static final String USERNAME_PROMPT = Base64.getEncoder().encodeToString("Username:".getBytes(StandardCharsets.US_ASCII));
    private static final String PASSWORD_PROMPT = Base64.getEncoder().encodeToString("Password:".getBytes(StandardCharsets.US_ASCII));

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public List<String> getImplementedEsmtpFeatures(SMTPSession session) {
        return session.isAuthAnnounced() ? List.of("AUTH PLAIN LOGIN") : List.of();
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SmtpConnection conn = SmtpConnection.of(session);
        SmtpServerOptions options = conn.options();
        if (options.authMode() == SmtpServerOptions.AuthMode.OFF) {
            return Replies.of("503", "5.5.1 Error: authentication not enabled");
        }
        if (options.startTls() == SmtpServerOptions.StartTlsMode.REQUIRED && !session.isTLSStarted()) {
            return Replies.of("530", "5.7.0 Must issue a STARTTLS command first");
        }
        if (conn.authenticatedUser() != null) {
            return Replies.of("503", "5.5.1 Error: already authenticated");
        }
        if (MailTransaction.active(session)) {
            return Replies.of("503", "5.5.1 Error: AUTH not permitted during a mail transaction");
        }
        String argument = request.getArgument();
        if (argument == null || argument.isBlank()) {
            return Replies.of("501", "5.5.4 Syntax: AUTH mechanism [initial-response]");
        }
        String[] parts = argument.trim().split(" +");
        if (parts.length > 2) {
            return Replies.of("501", "5.5.4 Syntax: AUTH mechanism [initial-response]");
        }
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        String initial = parts.length == 2 ? parts[1] : null;
        switch (mechanism) {
            case "PLAIN":
                if (initial == null) {
                    session.pushLineHandler(new Continuation(Stage.PLAIN, null));
                    return Replies.of("334", "");
                }
                return plain(session, conn, initial);
            case "LOGIN":
                if (initial == null) {
                    session.pushLineHandler(new Continuation(Stage.LOGIN_USER, null));
                    return Replies.of("334", USERNAME_PROMPT);
                }
                String user = decode(initial);
                if (user == null) {
                    return Replies.of("501", "5.5.2 Cannot decode AUTH LOGIN user name (not base64)");
                }
                session.pushLineHandler(new Continuation(Stage.LOGIN_PASSWORD, user));
                return Replies.of("334", PASSWORD_PROMPT);
            default:
                return Replies.of("504", "5.5.4 Unrecognized authentication type " + mechanism);
        }
    }

    private static Response plain(SMTPSession session, SmtpConnection conn, String response) {
        String decoded = response.equals("=") ? "" : decode(response);
        if (decoded == null) {
            return Replies.of("501", "5.5.2 Cannot decode AUTH PLAIN response (not base64)");
        }
        String[] fields = decoded.split("\0", -1);
        if (fields.length != 3 || fields[1].isEmpty()) {
            return Replies.of("501", "5.5.2 AUTH PLAIN response must be authzid NUL authcid NUL password");
        }
        if (!fields[0].isEmpty() && !fields[0].equals(fields[1])) {
            return Replies.of("535", "5.7.8 Authentication credentials invalid (authorization identity " + fields[0]
                    + " differs from " + fields[1] + ")");
        }
        return check(session, conn, fields[1], fields[2], "PLAIN");
    }

    private static Response check(SMTPSession session, SmtpConnection conn, String user, String password, String mechanism) {
        SmtpServerOptions options = conn.options();
        boolean ok = options.authMode() == SmtpServerOptions.AuthMode.ACCEPT_ANY
                || password.equals(options.users().get(user));
        if (!ok) {
            return Replies.of("535", "5.7.8 Authentication credentials invalid");
        }
        conn.authenticated(user, mechanism);
        return Replies.of("235", "2.7.0 Authentication successful");
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private enum Stage { PLAIN, LOGIN_USER, LOGIN_PASSWORD }

    /** One continuation line of an AUTH exchange; always ends or advances the exchange. */
    static final class Continuation implements LineHandler<SMTPSession> {
        private final Stage stage;
        private final String user;

        Continuation(Stage stage, String user) {
            this.stage = stage;
            this.user = user;
        }

        /** @return the line as it may appear in a transcript */
        String mask(String line) {
            return stage == Stage.LOGIN_USER || line.equals("*") ? line : "*** (masked)";
        }

        @Override
        public Response onLine(SMTPSession session, byte[] bytes) {
            session.popLineHandler();
            String line = new String(bytes, StandardCharsets.US_ASCII).strip();
            SmtpConnection conn = SmtpConnection.of(session);
            if (line.equals("*")) {
                return Replies.of("501", "5.7.0 Authentication cancelled");
            }
            switch (stage) {
                case PLAIN:
                    return plain(session, conn, line);
                case LOGIN_USER: {
                    String name = decode(line);
                    if (name == null) {
                        return Replies.of("501", "5.5.2 Cannot decode AUTH LOGIN user name (not base64)");
                    }
                    session.pushLineHandler(new Continuation(Stage.LOGIN_PASSWORD, name));
                    return Replies.of("334", PASSWORD_PROMPT);
                }
                default: {
                    String password = decode(line);
                    if (password == null) {
                        return Replies.of("501", "5.5.2 Cannot decode AUTH LOGIN password (not base64)");
                    }
                    return check(session, conn, user, password, "LOGIN");
                }
            }
        }
    }
}
