package dev.smtpunit.internal;

import dev.smtpunit.Envelope;
import dev.smtpunit.Recipient;
import dev.smtpunit.TlsInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mail transaction of one session as SmtpUnit records it: the accepted sender and recipients
 * with their parameters, its numbers, and the content being received. James keeps its own view of
 * the sequence (which commands may come next) but not the transaction: MAIL and RCPT ({@link MailCommand},
 * {@link RcptCommand}) record here, and James' resets of its transaction state end this one
 * ({@link Utf8Session}), so this is the one record of the transaction and what ends up in the envelope.
 */
final class Transaction {
    private static final int SCRATCH_SIZE = 8192;
    private int inSession;
    private int onServer;
    private String sender;
    private Map<String, String> mailParameters = Map.of();
    private final List<Recipient> recipients = new ArrayList<>(2);
    private DataReceiver content;
    /** Where the content of each message starts; its bytes are copied out at exact size. */
    private byte[] scratch;

    private int bdatChunks;

    /**
     * Numbers a MAIL command that is about to be handled.
     *
     * @param numberOnServer the transaction's number on the server
     */
    void begin(int numberOnServer) {
        inSession++;
        onServer = numberOnServer;
    }

    /**
     * @param path the reverse path
     * @param parameters its MAIL parameters
     */
    void mailAccepted(String path, Map<String, String> parameters) {
        sender = path;
        mailParameters = parameters;
    }

    /** {@return whether a MAIL was accepted and the transaction has not ended} */
    boolean active() {
        return sender != null;
    }

    /** {@return the number of accepted recipients} */
    int recipientCount() {
        return recipients.size();
    }

    /** @param recipient an accepted recipient */
    void rcptAccepted(Recipient recipient) {
        recipients.add(recipient);
    }

    /** Forgets sender, recipients and content (RSET, EHLO, end of a message, STARTTLS). */
    void reset() {
        sender = null;
        mailParameters = Map.of();
        recipients.clear();
        content = null;
        bdatChunks = 0;
    }

    /**
     * Starts receiving content, sized from the SIZE the client declared.
     *
     * @param maxSize the server's limit, 0 for none
     * @return the content reader
     */
    DataReceiver beginContent(long maxSize) {
        long hint = 0;
        String declared = mailParameters.get("SIZE");
        if (declared != null) {
            try {
                hint = Long.parseLong(declared);
            } catch (NumberFormatException e) {
                hint = 0;
            }
        }
        if (scratch == null) {
            scratch = new byte[SCRATCH_SIZE];
        }
        content = new DataReceiver(maxSize, hint, scratch);
        return content;
    }

    /**
     * Counts a BDAT chunk, starting the content with the first.
     *
     * @param maxSize the server's limit, 0 for none
     * @return the chunk's number in this transaction, from 1
     */
    int nextChunk(long maxSize) {
        if (bdatChunks == 0) {
            beginContent(maxSize);
        }
        return ++bdatChunks;
    }

    /** {@return the number of BDAT chunks received in this transaction; 0 when none (DATA may follow)} */
    int bdatChunks() {
        return bdatChunks;
    }

    /** {@return the content being received, or null} */
    DataReceiver content() {
        return content;
    }

    /** {@return the number of the current transaction in its session (0 before the first MAIL)} */
    int inSession() {
        return inSession;
    }

    /** {@return the number of the current transaction on the server (0 before the first MAIL)} */
    int onServer() {
        return onServer;
    }

    /**
     * @param recorder builds the envelope
     * @param info the session's facts
     * @param authenticatedUser the AUTH user or null
     * @param tls the TLS state or null
     * @param interner shares the recipient list with earlier messages that had the same recipients
     * @return the envelope of the message now complete
     */
    Envelope envelope(Recorder recorder, SessionInfo info, String authenticatedUser, TlsInfo tls, Interner interner) {
        Envelope envelope = recorder.envelope(
                info,
                sender == null ? "" : sender,
                mailParameters,
                interner.recipients(recipients),
                authenticatedUser,
                tls,
                inSession,
                System.currentTimeMillis());
        return bdatChunks == 0 ? envelope : recorder.sentWithBdat(envelope, bdatChunks);
    }

    /** {@return whether MAIL declared {@code SMTPUTF8} (RFC 6531), which allows UTF-8 header fields (RFC 6532)} */
    boolean smtpUtf8() {
        return mailParameters.containsKey("SMTPUTF8");
    }

    /** {@return whether MAIL declared {@code BODY=BINARYMIME}, which only BDAT may carry (RFC 3030 section 3)} */
    boolean binaryMime() {
        return "BINARYMIME".equalsIgnoreCase(mailParameters.get("BODY"));
    }
}
