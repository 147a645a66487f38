package dev.smtpunit.internal;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TlsInfo;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * What the client of one session has said and proved: its greeting, whether the connection is
 * encrypted (and how), who it authenticated as, and whether a mail transaction is open. It is the
 * view the session rules look at ({@link SessionPolicy.State}); the connection changes it as the
 * session goes on. Used on the connection's thread only.
 */
final class SessionState implements SessionPolicy.State {
    private final SmtpServerOptions options;
    private final Interner interner;
    private final boolean implicitTls;
    private final Transaction transaction;
    private SMTPSession session;
    private SessionInfo info;
    private String authenticatedUser;
    private TlsInfo tls;

    /**
     * @param options the server's options
     * @param interner shares repeated strings
     * @param implicitTls whether the listener speaks TLS from the first byte
     * @param info the session's facts at connect
     * @param transaction the session's mail transaction
     */
    SessionState(
            SmtpServerOptions options,
            Interner interner,
            boolean implicitTls,
            SessionInfo info,
            Transaction transaction) {
        this.options = options;
        this.interner = interner;
        this.implicitTls = implicitTls;
        this.info = info;
        this.transaction = transaction;
    }

    /** @param james James' session, which holds the greeting James accepted */
    void attach(SMTPSession james) {
        this.session = james;
    }

    @Override
    public SmtpServerOptions options() {
        return options;
    }

    @Override
    public boolean greeted() {
        return session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection)
                .isPresent();
    }

    @Override
    public boolean tlsActive() {
        return tls != null;
    }

    @Override
    public boolean authenticated() {
        return authenticatedUser != null;
    }

    @Override
    public boolean inTransaction() {
        return transaction.active();
    }

    /** {@return whether STARTTLS is offered on this connection} */
    boolean startTlsSupported() {
        return SessionPolicy.startTlsOffered(options, implicitTls);
    }

    /** {@return the session's facts} */
    SessionInfo info() {
        return info;
    }

    /** {@return the TLS state, or null before TLS} */
    TlsInfo tls() {
        return tls;
    }

    /** {@return the user the client authenticated as, or null} */
    String authenticatedUser() {
        return authenticatedUser;
    }

    /** @param established the TLS state the handshake produced */
    void tlsEstablished(TlsInfo established) {
        tls = established;
    }

    /**
     * The client authenticated.
     *
     * @param user the user name
     * @param mechanism the SASL mechanism
     */
    void authenticated(String user, AuthMechanism mechanism) {
        authenticatedUser = interner.string(user);
        info = info.withAuthMechanism(mechanism);
        try {
            session.setUsername(Username.of(user));
        } catch (IllegalArgumentException e) {
            // James' Username rejects some names (several @); our own record above is what counts
            session.setUsername(Username.of("smtpunit-user"));
        }
    }

    /**
     * The client said EHLO or HELO and was answered 250.
     *
     * @param name its argument
     * @return the session facts with that name
     */
    SessionInfo greetedAs(String name) {
        transaction.reset();
        info = info.withHeloName(interner.string(name));
        return info;
    }

    /** TLS started: the client must greet again (RFC 3207 section 4.2). */
    void forgetGreeting() {
        info = info.withHeloName("");
    }
}
