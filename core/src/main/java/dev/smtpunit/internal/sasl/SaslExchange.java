package dev.smtpunit.internal.sasl;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.SmtpServerOptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One AUTH exchange in progress (RFC 4954): turns the initial response and each client response
 * into the next step. A new instance per attempt; it runs on the connection's thread only.
 */
public abstract class SaslExchange {

    /** What the server does next. */
    public sealed interface Step permits Challenge, Success, Failure {}

    /**
     * A {@code 334} challenge; the exchange goes on.
     *
     * @param text the challenge, base64 (or empty)
     * @param secretResponse whether the client's answer must be masked in the transcript
     */
    public record Challenge(String text, boolean secretResponse) implements Step {}

    /**
     * The client proved who it is.
     *
     * @param user the authenticated user name
     */
    public record Success(String user) implements Step {}

    /**
     * The exchange ends with this reply.
     *
     * @param code the reply code
     * @param text the reply text, starting with the enhanced status code
     */
    public record Failure(String code, String text) implements Step {}

    static final Failure INVALID = new Failure("535", "5.7.8 Authentication credentials invalid");

    /** The server's options: users, passwords and the token check. */
    final SmtpServerOptions options;

    SaslExchange(SmtpServerOptions options) {
        this.options = options;
    }

    /**
     * @param mechanism an offered mechanism
     * @param options the server's options
     * @return a new exchange for one attempt
     */
    public static SaslExchange start(AuthMechanism mechanism, SmtpServerOptions options) {
        switch (mechanism) {
            case PLAIN:
                return new SaslPlain(options);
            case LOGIN:
                return new SaslLogin(options);
            case CRAM_MD5:
                return new SaslCramMd5(options);
            default:
                return new SaslOAuth(mechanism, options);
        }
    }

    /**
     * Without an initial response, an empty challenge asks for the response (RFC 4954 section 4).
     *
     * @param initialResponse the response on the AUTH line (empty for {@code =}), or null when none was sent
     * @return the first step
     */
    public Step start(String initialResponse) {
        return initialResponse == null ? new Challenge("", true) : respond(initialResponse);
    }

    /**
     * @param line a client response line (never {@code *}, which the caller handles)
     * @return the next step
     */
    public abstract Step respond(String line);

    /** {@return the decoded bytes as UTF-8, or null when the text is not base64} */
    static String decode(String base64) {
        byte[] bytes = decodeBytes(base64);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] decodeBytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Failure undecodable(String what) {
        return new Failure("501", "5.5.2 Cannot decode " + what + " (not base64)");
    }

    static Failure malformed(String why) {
        return new Failure("501", "5.5.2 " + why);
    }

    /** Checks a password for PLAIN and LOGIN. */
    Step password(String user, String password) {
        boolean ok = options.authMode() == SmtpServerOptions.AuthMode.ACCEPT_ANY
                || password.equals(options.users().get(user));
        return ok ? new Success(user) : INVALID;
    }
}
