package dev.smtpunit.internal;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.internal.sasl.SaslExchange;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AUTH (RFC 4954) with the offered SASL mechanisms ({@link SaslExchange} and its subclasses),
 * replacing James' handler: every error path ends the exchange (James' leaves its continuation
 * handler in place, so the next command would be read as a credential), {@code *} cancels with 501,
 * and the success text is spelled right. The one place that knows which AUTH text is secret.
 */
final class AuthCommand implements CommandHandler<SMTPSession>, EhloExtension {
    private static final Set<String> COMMANDS = Set.of("AUTH");
    private static final String MASKED = "*** (masked)";

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public List<String> getImplementedEsmtpFeatures(SMTPSession session) {
        if (!session.isAuthAnnounced()) {
            return List.of();
        }
        return List.of("AUTH " + names(SmtpConnection.of(session).options().authMechanisms()));
    }

    private static String names(List<AuthMechanism> mechanisms) {
        return mechanisms.stream().map(AuthMechanism::saslName).collect(Collectors.joining(" "));
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SmtpConnection conn = SmtpConnection.of(session);
        SmtpServerOptions options = conn.options();
        SessionPolicy.Refusal refusal = SessionPolicy.auth(conn.state());
        if (refusal != null) {
            return Replies.of(Integer.toString(refusal.code()), refusal.text());
        }
        String argument = request.getArgument();
        if (argument == null || argument.isBlank()) {
            return Replies.of("501", "5.5.4 Syntax: AUTH mechanism [initial-response]");
        }
        String[] parts = argument.trim().split(" +");
        if (parts.length > 2) {
            return Replies.of("501", "5.5.4 Syntax: AUTH mechanism [initial-response]");
        }
        AuthMechanism mechanism = AuthMechanism.ofSaslName(parts[0])
                .filter(options.authMechanisms()::contains)
                .orElse(null);
        if (mechanism == null) {
            return Replies.of(
                    "504",
                    "5.5.4 Unrecognized authentication type " + parts[0] + " (offered: "
                            + names(options.authMechanisms()) + ")");
        }
        // RFC 4954 section 4: "=" is an initial response of zero length
        String initial = parts.length == 2 ? (parts[1].equals("=") ? "" : parts[1]) : null;
        SaslExchange exchange = SaslExchange.start(mechanism, options);
        return next(session, conn, mechanism, exchange, exchange.start(initial));
    }

    private static Response next(
            SMTPSession session,
            SmtpConnection conn,
            AuthMechanism mechanism,
            SaslExchange exchange,
            SaslExchange.Step step) {
        if (step instanceof SaslExchange.Challenge c) {
            session.pushLineHandler(new Continuation(mechanism, exchange, c.secretResponse()));
            return Replies.of("334", c.text());
        }
        if (step instanceof SaslExchange.Success s) {
            conn.authenticated(s.user(), mechanism);
            return Replies.of("235", "2.7.0 Authentication successful");
        }
        SaslExchange.Failure f = (SaslExchange.Failure) step;
        return Replies.of(f.code(), f.text());
    }

    /**
     * An AUTH command line as it may appear in a transcript: an initial response is masked, except
     * LOGIN's (it is the user name).
     *
     * @param line the command line
     * @return the line to record
     */
    static String mask(String line) {
        String[] parts = line.strip().split(" +");
        if (parts.length >= 3 && !parts[1].equalsIgnoreCase("LOGIN")) {
            return parts[0] + " " + parts[1] + " " + MASKED;
        }
        return line;
    }

    /** One continuation line of an AUTH exchange; always ends or advances the exchange. */
    static final class Continuation implements LineHandler<SMTPSession> {
        private final AuthMechanism mechanism;
        private final SaslExchange exchange;
        private final boolean secret;

        Continuation(AuthMechanism mechanism, SaslExchange exchange, boolean secret) {
            this.mechanism = mechanism;
            this.exchange = exchange;
            this.secret = secret;
        }

        /** {@return the line as it may appear in a transcript} */
        String mask(String line) {
            return !secret || line.equals("*") ? line : MASKED;
        }

        @Override
        public Response onLine(SMTPSession session, byte[] bytes) {
            session.popLineHandler();
            String line = new String(bytes, StandardCharsets.US_ASCII).strip();
            if (line.equals("*")) {
                return Replies.of("501", "5.7.0 Authentication cancelled");
            }
            return next(session, SmtpConnection.of(session), mechanism, exchange, exchange.respond(line));
        }
    }
}
