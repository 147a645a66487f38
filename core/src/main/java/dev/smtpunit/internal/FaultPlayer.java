package dev.smtpunit.internal;

import dev.smtpunit.SmtpPhase;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.fault.FaultEffect;

import java.util.function.Supplier;

/**
 * Plays a fault effect around the normal handling of a command. Runs on the connection's own
 * thread, so a delay, a stall or a trickle holds up that connection and no other.
 */
final class FaultPlayer {
    private final SmtpConnection conn;
    private final ReplyWriter replies;
    private final Interner interner;

    FaultPlayer(SmtpConnection conn, ReplyWriter replies, Interner interner) {
        this.conn = conn;
        this.replies = replies;
        this.interner = interner;
    }

    /**
     * @param phase the phase being handled
     * @param shown the client line as the transcript shows it
     * @param effect the effect of the rule that fired, or null
     * @param normal the normal handling, which may be skipped or run once
     */
    void play(SmtpPhase phase, String shown, FaultEffect effect, Supplier<Outcome> normal) {
        if (effect == null || effect instanceof FaultEffect.Proceed) {
            conn.deliver(phase, shown, normal.get(), false, false);
        } else if (effect instanceof FaultEffect.Reply r) {
            Outcome outcome = r.reply().isPositive() ? normal.get() : null;
            conn.deliver(
                    phase,
                    shown,
                    new Outcome(interner.reply(r.reply()), outcome == null ? null : outcome.response()),
                    true,
                    r.closeAfter());
        } else if (effect instanceof FaultEffect.Close || effect instanceof FaultEffect.StoreThenDrop) {
            if (effect instanceof FaultEffect.StoreThenDrop) {
                normal.get();
            }
            replies.record(phase, shown, null, true);
            if (effect instanceof FaultEffect.StoreThenDrop) {
                replies.event(
                        TranscriptEntry.Kind.FAULT, "message stored; connection dropped before the reply was sent");
            }
            conn.closeNow();
        } else if (effect instanceof FaultEffect.Delay d) {
            replies.event(
                    TranscriptEntry.Kind.FAULT,
                    "delaying the reply to " + phase + " by " + d.delay().toMillis() + " ms");
            conn.pause(d.delay().toNanos());
            play(phase, shown, d.reply() == null ? null : new FaultEffect.Reply(d.reply(), false), normal);
        } else if (effect instanceof FaultEffect.Stall) {
            replies.record(phase, shown, null, true);
            replies.event(TranscriptEntry.Kind.FAULT, "stalling: no reply to " + phase + " will be sent");
            conn.stall();
        } else if (effect instanceof FaultEffect.Trickle t) {
            trickle(phase, shown, t, normal);
        }
    }

    private void trickle(SmtpPhase phase, String shown, FaultEffect.Trickle t, Supplier<Outcome> normal) {
        Outcome outcome;
        if (t.reply() == null) {
            outcome = normal.get();
        } else {
            Outcome ran = t.reply().isPositive() ? normal.get() : null;
            outcome = new Outcome(interner.reply(t.reply()), ran == null ? null : ran.response());
        }
        if (outcome == null || outcome.reply() == null) {
            conn.deliver(phase, shown, outcome, false, false);
            return;
        }
        replies.record(phase, shown, outcome.reply().reply(), true);
        replies.event(
                TranscriptEntry.Kind.FAULT,
                "trickling the reply to " + phase + " one byte every "
                        + t.perByte().toMillis() + " ms");
        byte[] wire = outcome.reply().wire();
        for (int i = 0; i < wire.length; i++) {
            conn.pause(t.perByte().toNanos());
            conn.wire().writeNow(wire, i, 1);
        }
        conn.afterReply(outcome.response(), false);
    }
}
