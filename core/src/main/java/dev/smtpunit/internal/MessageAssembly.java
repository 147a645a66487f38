package dev.smtpunit.internal;

import dev.smtpunit.Envelope;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.fault.FaultEffect;

import java.util.function.Supplier;

/**
 * Turns received content into a stored message, or into the refusal it earns: bare CR or LF
 * (RFC 5321 section 2.3.8, the SMTP smuggling defence) and size over the limit. It also finds 8-bit
 * header octets that the transaction's SMTPUTF8 does not cover ({@link HeaderOctets}); that refusal
 * comes at {@link #accept}, after a receiver profile had its say. Then, for a message that passes,
 * the end of the transaction: the receiver gate, the fault rules and the store. One per connection,
 * for DATA and BDAT alike.
 */
final class MessageAssembly {
    private final ServerContext server;
    private final SessionTranscript transcript;
    private final ReplyWriter replies;
    private final SessionState state;
    private final Transaction transaction;
    private final FaultPlayer faults;
    private final Runnable endTransaction;

    /**
     * @param server the server's shared state
     * @param transcript the session's transcript
     * @param replies sends and records the replies
     * @param state what the client said and proved (for the envelope)
     * @param transaction the session's transaction
     * @param faults plays the fault rules' effects
     * @param endTransaction ends the transaction in James' view and ours
     */
    MessageAssembly(
            ServerContext server,
            SessionTranscript transcript,
            ReplyWriter replies,
            SessionState state,
            Transaction transaction,
            FaultPlayer faults,
            Runnable endTransaction) {
        this.server = server;
        this.transcript = transcript;
        this.replies = replies;
        this.state = state;
        this.transaction = transaction;
        this.faults = faults;
        this.endTransaction = endTransaction;
    }

    /**
     * @param content the content received
     * @return the message or the refusal it earns (recorded as a violation where it is one)
     */
    Result assemble(DataReceiver content) {
        Result result = assemble(
                content,
                transaction.smtpUtf8(),
                () -> transaction.envelope(
                        server.recorder, state.info(), state.authenticatedUser(), state.tls(), server.interner),
                server.options,
                server.interner,
                server.recorder);
        if (result.violation() != null) {
            replies.event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, result.violation());
        }
        return result;
    }

    /**
     * Ends the transaction with a complete message: lints it and lets the receiver profile refuse it
     * ({@link ReceiverGate}), refuses 8-bit header octets that SMTPUTF8 does not cover, then stores it
     * and answers 250, unless a fault says otherwise. A refused message is not offered to the fault
     * rules; a receiver profile's refusal comes before the generic {@code 554 5.6.9}, as the receiver
     * it imitates would answer.
     *
     * @param phase END_OF_DATA or BDAT
     * @param summary the transcript's stand-in for the content
     * @param message the message
     * @param headerProblem why its header octets are refused (RFC 6532 section 3), or null
     * @param faultRules fires the fault rules for the message: the effect, or null
     */
    void accept(
            SmtpPhase phase,
            String summary,
            ReceivedMessage message,
            String headerProblem,
            Supplier<FaultEffect> faultRules) {
        if (headerProblem != null) {
            replies.event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, headerProblem);
        }
        Interner.WireReply refused = ReceiverGate.refusal(server, transcript, message);
        if (refused == null && headerProblem != null) {
            refused = server.interner.reply(554, "5.6.9 Message refused: " + headerProblem);
        }
        if (refused != null) {
            endTransaction.run();
            replies.send(phase, summary, refused, false);
            return;
        }
        FaultEffect effect = faultRules.get();
        endTransaction.run();
        faults.play(phase, summary, effect, () -> {
            ReceivedMessage dropped =
                    server.recorder.store(server.mailbox, message, server.options.maxStoredMessages());
            if (dropped != null) {
                replies.event(
                        TranscriptEntry.Kind.MESSAGE_DROPPED,
                        "mailbox full (maxStoredMessages "
                                + server.options.maxStoredMessages() + "): dropped the oldest message, from session "
                                + dropped.envelope().sessionId() + ", " + server.mailbox.droppedCount()
                                + " dropped so far");
            }
            return new Outcome(server.interner.reply(250, "2.0.0 Ok: message accepted"), null);
        });
    }

    /**
     * What the end of the content produced.
     *
     * @param summary the transcript's stand-in for the content, such as {@code <message: 17 bytes, 2 lines>}
     * @param violation the protocol violation to record, or null
     * @param refusal the reply refusing the message, or null when {@link #message} is set
     * @param message the message to store, or null
     * @param headerProblem why the message's header octets are refused ({@code 554 5.6.9}), or null
     */
    record Result(
            String summary,
            String violation,
            Interner.WireReply refusal,
            ReceivedMessage message,
            String headerProblem) {}

    /**
     * @param received the content
     * @param smtpUtf8 whether MAIL declared SMTPUTF8
     * @param envelope builds the envelope, called only for an acceptable message
     * @param options the server's options
     * @param interner shares repeated strings and replies
     * @param recorder builds the message
     * @return the result
     */
    private static Result assemble(
            DataReceiver received,
            boolean smtpUtf8,
            Supplier<Envelope> envelope,
            SmtpServerOptions options,
            Interner interner,
            Recorder recorder) {
        // shared between transactions: suites often send the same template mail many times
        String summary = interner.summary(received.size(), received.lines());
        if (received.bareLf() || received.bareCr()) {
            String why = received.bareLf() ? "bare <LF>" : "bare <CR>";
            return new Result(
                    summary,
                    why + " in message content; the message was refused"
                            + " (RFC 5321 section 2.3.8; SMTP smuggling defence)",
                    interner.reply(
                            554,
                            "5.6.0 Message refused: " + why
                                    + " in content; lines must end with <CRLF> (RFC 5321 section 2.3.8)"),
                    null,
                    null);
        }
        if (received.tooBig()) {
            return new Result(
                    summary,
                    null,
                    interner.reply(
                            552,
                            "5.3.4 Message size exceeds fixed maximum message size of " + options.maxMessageSize()
                                    + " bytes"),
                    null,
                    null);
        }
        byte[] content = received.content();
        return new Result(
                summary,
                null,
                null,
                recorder.message(envelope.get(), content),
                HeaderOctets.problem(content, smtpUtf8));
    }
}
