package dev.smtpunit.fault;

import dev.smtpunit.SmtpPhase;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds a fault rule: optionally narrow it with {@link #matching}, then give its effect, which
 * registers the rule (with one use) and returns it so that its count can be set.
 */
public final class RuleBuilder {
    private final Faults faults;
    private final SmtpPhase phase;
    private FaultMatcher matcher = FaultMatcher.any();
    private boolean narrowed;

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
     * Registers the rule with the given effect.
     *
     * @param effect what happens
     * @return the registered rule
     */
    public FaultRule then(FaultEffect effect) {
        Objects.requireNonNull(effect, "effect");
        if (effect instanceof FaultEffect.StoreThenDrop && phase != SmtpPhase.END_OF_DATA) {
            throw new IllegalArgumentException("storeThenDrop() only applies to END_OF_DATA, not " + phase);
        }
        return faults.add(new FaultRule(phase, matcher, effect, narrowed ? "(matching)" : ""));
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

    /** @return the registered rule: close without a reply */
    public FaultRule close() {
        return then(FaultEffect.close());
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

    /** @return the registered rule: never reply */
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

    /** @return the registered rule: store the message, then drop the connection before replying */
    public FaultRule storeThenDrop() {
        return then(FaultEffect.storeThenDrop());
    }
}
