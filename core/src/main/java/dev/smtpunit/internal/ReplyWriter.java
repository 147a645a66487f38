package dev.smtpunit.internal;

import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpReply;
import dev.smtpunit.TranscriptEntry;
import org.apache.james.protocols.api.Response;

import java.util.List;

/**
 * Sends a reply and records it, the way Postfix's {@code smtpd_chat.c} does for its server: every
 * reply the session writes goes through here onto the {@link Wire} and, with the client line it
 * answers, into the session's transcript. It also knows the two facts the transcript records with
 * each exchange: whether the client pipelined the command and whether the line answered an AUTH
 * challenge.
 */
final class ReplyWriter {
    private final Wire wire;
    private final Recorder recorder;
    private final SessionTranscript transcript;
    private final Interner interner;
    private boolean pipelined;
    private boolean answeringChallenge;

    /**
     * @param wire where replies are written
     * @param recorder records into the transcript
     * @param transcript the session's transcript
     * @param interner shares repeated replies
     */
    ReplyWriter(Wire wire, Recorder recorder, SessionTranscript transcript, Interner interner) {
        this.wire = wire;
        this.recorder = recorder;
        this.transcript = transcript;
        this.interner = interner;
    }

    /** @param value whether the command being handled came before the previous reply went out */
    void pipelined(boolean value) {
        pipelined = value;
    }

    /** {@return whether the command being handled came before the previous reply went out} */
    boolean pipelined() {
        return pipelined;
    }

    /** @param value whether the line being handled answers an AUTH challenge */
    void answeringChallenge(boolean value) {
        answeringChallenge = value;
    }

    /**
     * @param response James' response, or null
     * @return it as an outcome, or null
     */
    Outcome james(Response response) {
        if (response == null) {
            return null;
        }
        if (response instanceof Replies.Single single) {
            String text = single.text();
            if (text != null) {
                return new Outcome(interner.reply(Integer.parseInt(response.getRetCode()), text), response);
            }
        }
        List<CharSequence> lines = response.getLines();
        if (lines.isEmpty()) {
            return new Outcome(null, response);
        }
        return new Outcome(interner.reply(response, lines), response);
    }

    /**
     * Records the exchange and queues the reply on the wire.
     *
     * @param phase the phase
     * @param shown the client line as recorded, or null
     * @param reply the reply
     * @param injected whether a fault rule supplied the reply
     */
    void send(SmtpPhase phase, String shown, Interner.WireReply reply, boolean injected) {
        record(phase, shown, reply.reply(), injected);
        wire.write(reply.wire());
    }

    /**
     * Records an exchange without writing anything (the reply was dropped, or goes out otherwise).
     *
     * @param phase the phase
     * @param shown the client line as recorded, or null
     * @param reply the reply, or null when none was sent
     * @param injected whether a fault rule supplied the reply
     */
    void record(SmtpPhase phase, String shown, SmtpReply reply, boolean injected) {
        recorder.exchange(
                transcript,
                System.currentTimeMillis(),
                phase,
                shown,
                reply,
                injected,
                pipelined,
                answeringChallenge && shown != null);
    }

    /**
     * Records an event of the session.
     *
     * @param kind what happened
     * @param detail the description
     */
    void event(TranscriptEntry.Kind kind, String detail) {
        recorder.event(transcript, System.currentTimeMillis(), kind, detail);
    }
}
