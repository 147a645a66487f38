package dev.smtpunit.fault;

import dev.smtpunit.SmtpPhase;

/**
 * One scripted fault: a phase, a matcher, an effect and how many times it may fire. Made by
 * {@link RuleBuilder}, which registers it with its count in one step (set the count on the builder,
 * before the effect). Thread-safe.
 */
public final class FaultRule {
    static final int ALWAYS = Uses.ALWAYS;

    private final SmtpPhase phase;
    private final FaultMatcher matcher;
    private final FaultEffect effect;
    /** The DSL calls that made the rule. */
    private final String description;

    private final Uses uses;

    FaultRule(SmtpPhase phase, FaultMatcher matcher, FaultEffect effect, String description, int uses) {
        this.phase = phase;
        this.matcher = matcher;
        this.effect = effect;
        this.description = description;
        this.uses = new Uses(uses);
    }

    /** {@return the phase the rule is attached to} */
    public SmtpPhase phase() {
        return phase;
    }

    /** {@return what the rule does} */
    public FaultEffect effect() {
        return effect;
    }

    /** {@return how often the rule has fired} */
    public int timesFired() {
        return uses.fired();
    }

    /** {@return whether the rule can still fire} */
    public boolean hasUsesLeft() {
        return uses.hasLeft();
    }

    boolean tryFire(FaultContext context) {
        if (!phase.covers(context.phase()) || (phase == SmtpPhase.ANY && !isCommand(context.phase()))) {
            return false;
        }
        return uses.hasLeft() && matcher.matches(context) && uses.take();
    }

    private static boolean isCommand(SmtpPhase p) {
        return p != SmtpPhase.CONNECT && p != SmtpPhase.END_OF_DATA;
    }

    /**
     * {@return the rule as the calls that made it, and how often it fired, such as
     * {@code on(RCPT).times(2).reply(452, "4.2.2 Mailbox full"), fired 1 time, 1 left}}
     */
    @Override
    public String toString() {
        int left = uses.left();
        int n = uses.fired();
        return description + ", fired " + n + (n == 1 ? " time" : " times")
                + (left == ALWAYS ? ", no limit" : ", " + left + " left");
    }
}
