package dev.smtpunit.internal;

import dev.smtpunit.Envelope;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpServerOptions;

import java.util.function.Supplier;

/**
 * Turns received content into a stored message, or into the refusal it earns: bare CR or LF
 * (RFC 5321 section 2.3.8, the SMTP smuggling defence) and size over the limit. It also finds 8-bit
 * header octets that the transaction's SMTPUTF8 does not cover ({@link HeaderOctets}); that refusal
 * comes at {@link SmtpConnection#accept}, after a receiver profile had its say.
 */
final class MessageAssembly {
    private MessageAssembly() {}

    /**
     * What the end of the content produced.
     *
     * @param summary the transcript's stand-in for the content, such as {@code <message: 17 bytes, 2 lines>}
     * @param violation the protocol violation to record, or null
     * @param refusal the reply refusing the message, or null when {@link #message} is set
     * @param message the message to store, or null
     * @param headerProblem why the message's header octets are refused ({@code 554 5.6.9}), or null
     */
    record Result(String summary, String violation, Interner.WireReply refusal, ReceivedMessage message,
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
    static Result assemble(DataReceiver received, boolean smtpUtf8, Supplier<Envelope> envelope,
            SmtpServerOptions options, Interner interner, Recorder recorder) {
        // shared between transactions: suites often send the same template mail many times
        String summary = interner.summary(received.size(), received.lines());
        if (received.bareLf() || received.bareCr()) {
            String why = received.bareLf() ? "bare <LF>" : "bare <CR>";
            return new Result(summary, why + " in message content; the message was refused"
                    + " (RFC 5321 section 2.3.8; SMTP smuggling defence)", interner.reply(554, "5.6.0 Message refused: "
                            + why + " in content; lines must end with <CRLF> (RFC 5321 section 2.3.8)"), null, null);
        }
        if (received.tooBig()) {
            return new Result(summary, null, interner.reply(552, "5.3.4 Message size exceeds fixed maximum message size of "
                    + options.maxMessageSize() + " bytes"), null, null);
        }
        byte[] content = received.content();
        return new Result(summary, null, null, recorder.message(envelope.get(), content),
                HeaderOctets.problem(content, smtpUtf8));
    }
}
