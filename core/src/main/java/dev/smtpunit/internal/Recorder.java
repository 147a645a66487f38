package dev.smtpunit.internal;

import dev.smtpunit.Envelope;
import dev.smtpunit.Mailbox;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Recipient;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpReply;
import dev.smtpunit.TlsInfo;
import dev.smtpunit.Transcript;
import dev.smtpunit.TranscriptEntry;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * What the engine may do to the public value types that users may not: build envelopes and
 * messages, store messages and record the transcript. The API package implements it with their
 * package-private constructors and mutators, so that users see only read-only API, and hands it to
 * the engine when a server starts ({@link ServerRuntime#start}); the engine passes it on through
 * constructors, never through a static registry.
 */
public interface Recorder {
    /**
     * @param session the session facts
     * @param sender the reverse path
     * @param mailParameters MAIL parameters
     * @param recipients accepted recipients
     * @param authenticatedUser the AUTH user or null
     * @param tls the TLS state or null
     * @param transactionIndex the transaction number in the session
     * @param receivedAtMillis when the content ended
     * @return the envelope
     */
    Envelope envelope(
            SessionInfo session,
            String sender,
            Map<String, String> mailParameters,
            List<Recipient> recipients,
            String authenticatedUser,
            TlsInfo tls,
            int transactionIndex,
            long receivedAtMillis);

    /**
     * Records that the content came in BDAT chunks (RFC 3030); only before the envelope is handed out.
     *
     * @param envelope a new envelope
     * @param chunks the number of chunks
     * @return the same envelope
     */
    Envelope sentWithBdat(Envelope envelope, int chunks);

    /**
     * @param envelope the envelope
     * @param rawBytes the content, owned by the message from now on
     * @return the message
     */
    ReceivedMessage message(Envelope envelope, byte[] rawBytes);

    /**
     * @param mailbox the mailbox
     * @param message the accepted message
     * @param limit the most messages the mailbox keeps, 0 for no limit
     * @return the oldest message, dropped to make room, or null
     */
    ReceivedMessage store(Mailbox mailbox, ReceivedMessage message, int limit);

    /**
     * @param transcript the server's transcript
     * @param id the session number
     * @param client the client's address
     * @return the new session's transcript, already registered
     */
    SessionTranscript openSession(Transcript transcript, int id, InetSocketAddress client);

    /**
     * Records an exchange without building its record (the transcript stores it compactly).
     *
     * @param session a session's transcript
     * @param at when, in epoch milliseconds
     * @param phase the command's phase
     * @param clientLine the line as recorded, or null
     * @param reply the reply, or null
     * @param injected whether a fault rule supplied the reply
     * @param pipelined whether the command came before the previous reply
     * @param continuation whether the line answers an AUTH challenge
     */
    void exchange(
            SessionTranscript session,
            long at,
            SmtpPhase phase,
            String clientLine,
            SmtpReply reply,
            boolean injected,
            boolean pipelined,
            boolean continuation);

    /**
     * Records an event.
     *
     * @param session a session's transcript
     * @param at when, in epoch milliseconds
     * @param kind what happened
     * @param detail the description
     */
    void event(SessionTranscript session, long at, TranscriptEntry.Kind kind, String detail);
}
