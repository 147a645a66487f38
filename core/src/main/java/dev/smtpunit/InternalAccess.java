package dev.smtpunit;

import dev.smtpunit.internal.Recorder;
import dev.smtpunit.internal.SessionInfo;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** Gives the server (in {@code dev.smtpunit.internal}) the package-private constructors and mutators. */
final class InternalAccess implements Recorder {
    /** Holds no state: every server is handed this one. */
    static final InternalAccess INSTANCE = new InternalAccess();

    private InternalAccess() {}

    @Override
    public Envelope envelope(
            SessionInfo session,
            String sender,
            Map<String, String> mailParameters,
            List<Recipient> recipients,
            String authenticatedUser,
            TlsInfo tls,
            int transactionIndex,
            long receivedAtMillis) {
        return new Envelope(
                session,
                sender,
                mailParameters,
                recipients,
                authenticatedUser,
                tls,
                transactionIndex,
                receivedAtMillis);
    }

    @Override
    public Envelope sentWithBdat(Envelope envelope, int chunks) {
        return envelope.sentWithBdat(chunks);
    }

    @Override
    public ReceivedMessage message(Envelope envelope, byte[] rawBytes) {
        return new ReceivedMessage(envelope, rawBytes);
    }

    @Override
    public ReceivedMessage store(Mailbox mailbox, ReceivedMessage message, int limit) {
        return mailbox.add(message, limit);
    }

    @Override
    public SessionTranscript openSession(Transcript transcript, int id, InetSocketAddress client) {
        return transcript.open(id, client);
    }

    @Override
    public void exchange(
            SessionTranscript session,
            long at,
            SmtpPhase phase,
            String clientLine,
            SmtpReply reply,
            boolean injected,
            boolean pipelined,
            boolean continuation) {
        session.addExchange(at, phase, clientLine, reply, injected, pipelined, continuation);
    }

    @Override
    public void event(SessionTranscript session, long at, TranscriptEntry.Kind kind, String detail) {
        session.addEvent(at, kind, detail);
    }
}
