package dev.smtpunit.fault;

import dev.smtpunit.SmtpPhase;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds a fault rule: optionally narrow it with {@link #matching}, set how often it fires with
 * {@link #times}, {@link #always()} or {@link #once()} (the default), then give its effect. The
 * effect comes last and registers the finished rule in one step, so a client that is already
 * connected never sees a rule whose count is not set yet. The rule reads in listings as the calls
 * that made it, with how often it fired:
 * {@code on(RCPT).matching(recipient("ada@example.com")).times(2).reply(452, "4.2.2 Mailbox full"), fired 0 times, 2 left}.
 *
 * <pre>{@code
 * smtp.faults().on(RCPT).matching(recipient("ada@example.com")).times(2).reply(452, "4.2.2 Mailbox full");
 * smtp.faults().on(MAIL).always().reply(451, "4.7.0 Throttled");
 * smtp.faults().on(CONNECT).replyAndClose(421, "4.3.2 Try again later");     // once
 * }</pre>
 */
public final class RuleBuilder {
    private final Faults faults;
    private final SmtpPhase phase;
    private FaultMatcher matcher = FaultMatcher.any();
    private boolean narrowed;
    private int uses = 1;

    RuleBuilder(Faults faults, SmtpPhase phase) {
        this.faults = faults;
        this.phase = phase;
    }

    /**
     * Narrows the rule; several calls must all match.
     *
     * @param m the matcher
     * @return this builder
     */
    public RuleBuilder matching(FaultMatcher m) {
        Objects.requireNonNull(m, "matcher");
        matcher = narrowed ? matcher.and(m) : m;
        narrowed = true;
        return this;
    }

    /**
     * Lets the rule fire up to {@code n} times; afterwards the server behaves normally.
     * <pre>{@code smtp.faults().on(RCPT).times(2).reply(452, "4.2.2 Mailbox full");   // then accepts}</pre>
     *
     * @param n at least 1
     * @return this builder
     */
    public RuleBuilder times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(n) needs n >= 1, was " + n);
        }
        uses = n;
        return this;
    }

    /**
     * Lets the rule fire every time it matches.
     * <pre>{@code smtp.faults().on(MAIL).matching(sender("batch@example.com")).always().reply(451, "4.7.0 Throttled");}</pre>
     *
     * @return this builder
     */
    public RuleBuilder always() {
        uses = FaultRule.ALWAYS;
        return this;
    }

    /**
     * Lets the rule fire once (the default, for symmetry with {@link #times}).
     * <pre>{@code smtp.faults().on(DATA).once().reply(451, "4.3.0 Try again");}</pre>
     *
     * @return this builder
     */
    public RuleBuilder once() {
        return times(1);
    }

    /**
     * Registers the rule with the given effect and the count set before.
     * <pre>{@code smtp.faults().on(RCPT).times(2).then(FaultEffect.reply(452, "4.2.2 Mailbox full"));}</pre>
     *
     * @param effect what happens
     * @return the registered rule
     */
    public FaultRule then(FaultEffect effect) {
        Objects.requireNonNull(effect, "effect");
        if (effect instanceof FaultEffect.StoreThenDrop && phase != SmtpPhase.END_OF_DATA) {
            throw new IllegalArgumentException("closeAfterStoring() only applies to END_OF_DATA, not " + phase);
        }
        StringBuilder dsl = new StringBuilder("on(").append(phase).append(')');
        if (narrowed) {
            dsl.append(".matching(").append(Dsl.text(matcher)).append(')');
        }
        if (uses == FaultRule.ALWAYS) {
            dsl.append(".always()");
        } else if (uses > 1) {
            dsl.append(".times(").append(uses).append(')');
        }
        dsl.append('.')
                .append(
                        phase == SmtpPhase.END_OF_DATA && effect instanceof FaultEffect.Close
                                ? "closeDiscardingMessage()"
                                : effect instanceof FaultEffect.Proceed
                                        ? "then(FaultEffect.proceed())"
                                        : effect.toString());
        return faults.add(new FaultRule(phase, matcher, effect, dsl.toString(), uses));
    }

    /**
     * Replies with a code and text (several lines make a multi-line reply).
     *
     * @param code the reply code
     * @param text the first line, usually starting with an enhanced code such as {@code 4.2.2}
     * @param moreLines further lines
     * @return the registered rule
     */
    public FaultRule reply(int code, String text, String... moreLines) {
        return then(FaultEffect.reply(code, text, moreLines));
    }

    /**
     * Replies, then closes the connection.
     *
     * @param code the reply code
     * @param text the reply text
     * @return the registered rule
     */
    public FaultRule replyAndClose(int code, String text) {
        return then(FaultEffect.replyAndClose(code, text));
    }

    /**
     * Closes the connection without a reply, instead of answering the command. At
     * {@code END_OF_DATA} say what becomes of the message instead: {@link #closeDiscardingMessage()}
     * or {@link #closeAfterStoring()}.
     * <pre>{@code smtp.faults().on(DATA).close();}</pre>
     *
     * @return the registered rule
     * @throws IllegalArgumentException at {@code END_OF_DATA}
     */
    public FaultRule close() {
        if (phase == SmtpPhase.END_OF_DATA) {
            throw new IllegalArgumentException(
                    "at END_OF_DATA say what becomes of the message: closeDiscardingMessage()"
                            + " (nothing stored) or closeAfterStoring() (stored, then the connection drops before the 250)");
        }
        return then(FaultEffect.close());
    }

    /**
     * At {@code END_OF_DATA}: stores nothing and closes the connection without a reply, as a server
     * that crashed while receiving would.
     * <pre>{@code smtp.faults().on(END_OF_DATA).closeDiscardingMessage();}</pre>
     *
     * @return the registered rule
     * @throws IllegalArgumentException at another phase
     */
    public FaultRule closeDiscardingMessage() {
        if (phase != SmtpPhase.END_OF_DATA) {
            throw new IllegalArgumentException(
                    "closeDiscardingMessage() only applies to END_OF_DATA, not " + phase + "; use close()");
        }
        return then(FaultEffect.closeDiscardingMessage());
    }

    /**
     * At {@code END_OF_DATA}: stores the message, then closes the connection before the 250, so that
     * a retrying client delivers it twice (the duplicate-delivery test).
     * <pre>{@code smtp.faults().on(END_OF_DATA).closeAfterStoring();}</pre>
     *
     * @return the registered rule
     * @throws IllegalArgumentException at another phase
     */
    public FaultRule closeAfterStoring() {
        return then(FaultEffect.closeAfterStoring());
    }

    /**
     * Waits, then carries on normally.
     *
     * @param delay how long
     * @return the registered rule
     */
    public FaultRule delay(Duration delay) {
        return then(FaultEffect.delay(delay));
    }

    /**
     * Waits, then replies.
     *
     * @param delay how long
     * @param code the reply code
     * @param text the reply text
     * @return the registered rule
     */
    public FaultRule delayThenReply(Duration delay, int code, String text) {
        return then(FaultEffect.delayThenReply(delay, code, text));
    }

    /** {@return the registered rule: never reply} */
    public FaultRule stall() {
        return then(FaultEffect.stall());
    }

    /**
     * Sends the normal reply one byte at a time.
     *
     * @param perByte pause before each byte
     * @return the registered rule
     */
    public FaultRule trickle(Duration perByte) {
        return then(FaultEffect.trickle(perByte));
    }
}
