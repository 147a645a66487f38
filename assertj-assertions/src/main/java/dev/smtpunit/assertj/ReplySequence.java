package dev.smtpunit.assertj;

import dev.smtpunit.SmtpPhase;
import dev.smtpunit.TranscriptEntry;

import java.util.List;

/**
 * A story of replies, read in order through the transcript: "RCPT got 452 twice, then 250".
 *
 * <pre>{@code
 * assertThat(smtp.transcript()).repliedTo(RCPT, 452).times(2).thenRepliedTo(RCPT, 250);
 * }</pre>
 */
public final class ReplySequence {
    private final TranscriptAssert owner;
    private final List<TranscriptEntry.Exchange> exchanges;
    private final int from;
    private SmtpPhase phase;
    private int code;
    private int after;

    ReplySequence(TranscriptAssert owner, List<TranscriptEntry.Exchange> exchanges, int from) {
        this.owner = owner;
        this.exchanges = exchanges;
        this.from = from;
    }

    ReplySequence repliedTo(SmtpPhase phase, int code) {
        this.phase = phase;
        this.code = code;
        for (int i = from; i < exchanges.size(); i++) {
            TranscriptEntry.Exchange x = exchanges.get(i);
            if (phase.covers(x.phase()) && x.code() == code) {
                after = i + 1;
                return this;
            }
        }
        owner.failWith(
                "show a " + code + " reply to " + phase + (from == 0 ? "" : " after the replies checked before"));
        return this;
    }

    /**
     * The reply of the previous step came exactly {@code n} times (from where that step started).
     * <pre>{@code .repliedTo(RCPT, 452).times(2)}</pre>
     *
     * @param n the count
     * @return this sequence, positioned after the n-th such reply
     */
    public ReplySequence times(int n) {
        int seen = 0;
        int position = from;
        for (int i = from; i < exchanges.size(); i++) {
            TranscriptEntry.Exchange x = exchanges.get(i);
            if (phase.covers(x.phase()) && x.code() == code) {
                seen++;
                if (seen == n) {
                    position = i + 1;
                }
            }
        }
        if (seen != n) {
            owner.failWith("show " + n + " repl" + (n == 1 ? "y" : "ies") + " " + code + " to " + phase + " but found "
                    + seen);
        }
        after = position;
        return this;
    }

    /**
     * The next command of {@code nextPhase} after the previous step got this code.
     * <pre>{@code .thenRepliedTo(RCPT, 250)}</pre>
     *
     * @param nextPhase the command
     * @param nextCode the reply code
     * @return this sequence, positioned after that reply
     */
    public ReplySequence thenRepliedTo(SmtpPhase nextPhase, int nextCode) {
        for (int i = after; i < exchanges.size(); i++) {
            TranscriptEntry.Exchange x = exchanges.get(i);
            if (nextPhase.covers(x.phase())) {
                if (x.code() != nextCode) {
                    owner.failWith("show " + nextPhase + " answered with " + nextCode + " after " + code + " to "
                            + phase + ", but the next " + nextPhase + " got "
                            + (x.reply() == null ? "no reply" : x.reply().toString()));
                }
                ReplySequence next = new ReplySequence(owner, exchanges, i);
                next.phase = nextPhase;
                next.code = nextCode;
                next.after = i + 1;
                return next;
            }
        }
        owner.failWith("show " + nextPhase + " answered with " + nextCode + " after " + code + " to " + phase
                + ", but no " + nextPhase + " followed");
        return this;
    }

    /** {@return the transcript assertions, to go on with others} */
    public TranscriptAssert and() {
        return owner;
    }
}
