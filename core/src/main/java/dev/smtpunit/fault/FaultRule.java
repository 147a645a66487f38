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
    private final String description;
    private final Uses uses;

    FaultRule(SmtpPhase phase, FaultMatcher matcher, FaultEffect effect, String description, int uses) {
        this.phase = phase;
        this.matcher = matcher;
        this.effect = effect;
        this.description = description;
        this.uses = new Uses(uses);
    }

    /**
     * Changes the count of a rule that is already live.
     *
     * @return this rule
     * @deprecated races with connected clients (the rule was live with one use before this call);
     *     set the count on the builder: {@code on(RCPT).once().reply(...)}
     */
    @Deprecated(since = "0.2", forRemoval = true)
    public FaultRule once() {
        return times(1);
    }

    /**
     * Changes the count of a rule that is already live: at most {@code n} uses in all.
     *
     * @param n at least 1
     * @return this rule
     * @deprecated races with connected clients (the rule was live with one use before this call);
     *     set the count on the builder: {@code on(RCPT).times(2).reply(...)}
     */
    @Deprecated(since = "0.2", forRemoval = true)
    public FaultRule times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(n) needs n >= 1, was " + n);
        }
        uses.set(Math.max(0, n - uses.fired()));
        return this;
    }

    /**
     * Makes a live rule fire every time it matches.
     *
     * @return this rule
     * @deprecated races with connected clients (the rule was live with one use before this call);
     *     set the count on the builder: {@code on(MAIL).always().reply(...)}
     */
    @Deprecated(since = "0.2", forRemoval = true)
    public FaultRule always() {
        uses.set(ALWAYS);
        return this;
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

    @Override
    public String toString() {
        return "on " + phase + (description.isEmpty() ? "" : " " + description) + " -> " + effect + ", " + uses;
    }
}
