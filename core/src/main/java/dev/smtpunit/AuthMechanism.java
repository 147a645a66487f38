package dev.smtpunit;

import java.util.Locale;
import java.util.Optional;

/**
 * The SASL mechanisms the server can offer after {@code AUTH} (RFC 4954). PLAIN and LOGIN are offered
 * by default when users are configured; the others are chosen with
 * {@link SmtpServerOptions.Builder#authMechanisms(AuthMechanism...)}.
 *
 * <pre>{@code
 * SmtpServerOptions.builder().authMechanisms(AuthMechanism.XOAUTH2).acceptToken("ada@example.com", "ya29.fresh").build();
 * }</pre>
 */
public enum AuthMechanism {
    /** RFC 4616: authorization identity, user name and password in one base64 response. */
    PLAIN("PLAIN", false),
    /** The de-facto LOGIN mechanism: user name and password in two base64 responses. */
    LOGIN("LOGIN", false),
    /** RFC 2195: an HMAC-MD5 of a server challenge, keyed with the password; the password never crosses the wire. */
    CRAM_MD5("CRAM-MD5", false),
    /** Google's and Microsoft's OAuth 2.0 mechanism: {@code user=...^Aauth=Bearer <token>^A^A}. */
    XOAUTH2("XOAUTH2", true),
    /** RFC 7628: OAuth 2.0 bearer token with a GS2 header and {@code auth}, {@code host}, {@code port} keys. */
    OAUTHBEARER("OAUTHBEARER", true);

    private final String saslName;
    private final boolean token;

    AuthMechanism(String saslName, boolean token) {
        this.saslName = saslName;
        this.token = token;
    }

    /** {@return the name on the wire, as in {@code AUTH CRAM-MD5}} */
    public String saslName() {
        return saslName;
    }

    /** {@return whether the client proves itself with an OAuth 2.0 token rather than a password} */
    public boolean usesToken() {
        return token;
    }

    /**
     * The mechanism with this SASL name.
     *
     * @param name a name as sent after {@code AUTH}, any case
     * @return the mechanism, or empty when SmtpUnit does not implement it
     */
    public static Optional<AuthMechanism> ofSaslName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (AuthMechanism m : values()) {
            if (m.saslName.equals(upper)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
