package dev.smtpunit.internal;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;

import java.util.Optional;

/**
 * The mail transaction in progress, as the MAIL, RCPT, DATA and AUTH commands need it. Kept in the
 * session's transaction state, so that RSET, HELO, EHLO, STARTTLS and the end of DATA end it.
 */
final class MailTransaction {
    private static final ProtocolSession.AttachmentKey<MailTransaction> KEY =
            ProtocolSession.AttachmentKey.of("dev.smtpunit.transaction", MailTransaction.class);

    private final boolean smtpUtf8;
    private int recipients;

    private MailTransaction(boolean smtpUtf8) {
        this.smtpUtf8 = smtpUtf8;
    }

    /**
     * Starts a transaction after an accepted MAIL.
     *
     * @param session the session
     * @param smtpUtf8 whether MAIL declared {@code SMTPUTF8}
     */
    static void begin(SMTPSession session, boolean smtpUtf8) {
        session.setAttachment(KEY, new MailTransaction(smtpUtf8), ProtocolSession.State.Transaction);
    }

    /**
     * @param session the session
     * @return the transaction in progress, if MAIL was accepted
     */
    static Optional<MailTransaction> current(SMTPSession session) {
        return session.getAttachment(KEY, ProtocolSession.State.Transaction);
    }

    /**
     * @param session the session
     * @return whether a MAIL was accepted and the transaction has not ended
     */
    static boolean active(SMTPSession session) {
        return current(session).isPresent();
    }

    /** @return whether MAIL declared {@code SMTPUTF8} (RFC 6531) */
    boolean smtpUtf8() {
        return smtpUtf8;
    }

    /** @return the number of accepted recipients */
    int recipients() {
        return recipients;
    }

    void addRecipient() {
        recipients++;
    }
}
