package dev.smtpunit;

import dev.smtpunit.internal.SessionInfo;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMTP envelope of one mail transaction: what the client said about the message, as opposed to
 * what the message says about itself in its headers. Immutable.
 *
 * <pre>{@code
 * Envelope env = mail.envelope();
 * assertEquals("app@example.com", env.sender());
 * assertEquals(List.of("ada@example.com"), env.recipientAddresses());
 * }</pre>
 */
public final class Envelope {
    private final SessionInfo session;
    private final String sender;
    private final Map<String, String> mailParameters;
    private final List<Recipient> recipients;
    private final String authenticatedUser;
    private final TlsInfo tls;
    private final int transactionIndex;
    private final long receivedAtMillis;
    private int bdatChunks;

    /**
     * Built by the server at the end of each transaction.
     *
     * @param session the session the transaction belongs to
     * @param sender the reverse path, empty for the null sender {@code <>}
     * @param mailParameters the {@code MAIL FROM} parameters in order
     * @param recipients the accepted recipients in order
     * @param authenticatedUser the user authenticated with AUTH, or null
     * @param tls the TLS state at the time of the transaction, or null
     * @param transactionIndex 1 for the first transaction of the session
     * @param receivedAtMillis when the final dot was received
     */
    Envelope(
            SessionInfo session,
            String sender,
            Map<String, String> mailParameters,
            List<Recipient> recipients,
            String authenticatedUser,
            TlsInfo tls,
            int transactionIndex,
            long receivedAtMillis) {
        this.session = session;
        this.sender = sender;
        this.mailParameters = mailParameters;
        this.recipients = recipients;
        this.authenticatedUser = authenticatedUser;
        this.tls = tls;
        this.transactionIndex = transactionIndex;
        this.receivedAtMillis = receivedAtMillis;
    }

    /** {@return the name the client gave in its last {@code EHLO} or {@code HELO}} */
    public String heloName() {
        return session.heloName();
    }

    /** {@return the reverse path of {@code MAIL FROM} without brackets; empty for the null sender} */
    public String sender() {
        return sender;
    }

    /** {@return the {@code MAIL FROM} parameters in the order sent, names upper-cased} */
    public Map<String, String> mailParameters() {
        return mailParameters;
    }

    /**
     * {@return whether {@code MAIL FROM} declared {@code SMTPUTF8} (RFC 6531): the addresses and the
     *     header fields of this message may be UTF-8}
     */
    public boolean isSmtpUtf8() {
        return mailParameters.containsKey("SMTPUTF8");
    }

    /** {@return the DSN {@code RET} parameter (RFC 3461 section 4.3), if the client sent one} */
    public Optional<DsnReturn> dsnReturn() {
        return Optional.ofNullable(mailParameters.get("RET")).map(DsnReturn::parse);
    }

    /** {@return the DSN {@code ENVID} parameter (RFC 3461 section 4.4), xtext decoded, if the client sent one} */
    public Optional<String> dsnEnvelopeId() {
        return Optional.ofNullable(mailParameters.get("ENVID")).map(Xtext::decode);
    }

    /** {@return every accepted {@code RCPT TO}, in order, with its parameters} */
    public List<Recipient> recipients() {
        return recipients;
    }

    /** {@return the addresses of {@link #recipients()}} */
    public List<String> recipientAddresses() {
        return recipients.stream().map(Recipient::address).toList();
    }

    /** {@return the user authenticated with {@code AUTH} before this transaction} */
    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    /**
     * {@return the SASL mechanism of the successful {@code AUTH} before this transaction; empty when the
     *     client did not authenticate}
     */
    public Optional<AuthMechanism> authMechanism() {
        return Optional.ofNullable(session.authMechanism());
    }

    /** {@return the TLS protocol and cipher, or empty when the session was in plain text} */
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tls);
    }

    /** {@return the address and port the client connected from} */
    public InetSocketAddress clientAddress() {
        return session.clientAddress();
    }

    /** {@return the number of the session on this server, 1 for the first connection} */
    public int sessionId() {
        return session.id();
    }

    /** {@return the number of this transaction within its session, 1 for the first} */
    public int transactionIndex() {
        return transactionIndex;
    }

    /**
     * {@return the number of {@code BDAT} chunks the content came in (RFC 3030 CHUNKING), or 0 when it
     *         came after {@code DATA}}
     */
    public int bdatChunks() {
        return bdatChunks;
    }

    /**
     * Set once by the server, before the envelope is handed out.
     *
     * @param chunks the number of BDAT chunks
     * @return this envelope
     */
    Envelope sentWithBdat(int chunks) {
        this.bdatChunks = chunks;
        return this;
    }

    /** {@return when the end of the message content was received} */
    public Instant receivedAt() {
        return Instant.ofEpochMilli(receivedAtMillis);
    }

    @Override
    public String toString() {
        return "Envelope[from=<" + sender + ">" + (mailParameters.isEmpty() ? "" : " " + mailParameters)
                + ", to=" + recipients + ", helo=" + heloName()
                + (authenticatedUser == null
                        ? ""
                        : ", auth=" + authenticatedUser
                                + (session.authMechanism() == null
                                        ? ""
                                        : " (" + session.authMechanism().saslName() + ")"))
                + (tls == null ? "" : ", tls=" + tls.protocol())
                + (bdatChunks == 0 ? "" : ", bdat=" + bdatChunks + " chunks")
                + ", session=" + sessionId() + ", transaction=" + transactionIndex + "]";
    }
}
