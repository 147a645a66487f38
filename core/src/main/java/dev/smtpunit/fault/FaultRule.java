package dev.smtpunit.fault;

import dev.smtpunit.SmtpPhase;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scripted fault: a phase, a matcher, an effect and how many times it may fire. Made by
 * {@link RuleBuilder}, which registers it with its count in one step (set the count on the builder,
 * before the effect). Thread-safe.
 */
public final class FaultRule {
    static final int ALWAYS = Integer.MAX_VALUE;

    private final SmtpPhase phase;
    private final FaultMatcher matcher;
    private final FaultEffect effect;
    /** The DSL calls that made the rule. */
    private final String description;
    private final AtomicInteger remaining;
    private final AtomicInteger fired = new AtomicInteger();

    FaultRule(SmtpPhase phase, FaultMatcher matcher, FaultEffect effect, String description, int uses) {
        this.phase = phase;
        this.matcher = matcher;
        this.effect = effect;
        this.description = description;
        this.remaining = new AtomicInteger(uses);
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
        return fired.get();
    }

    /** {@return whether the rule can still fire} */
    public boolean hasUsesLeft() {
        return remaining.get() > 0;
    }

    boolean tryFire(FaultContext context) {
        if (!phase.covers(context.phase()) || (phase == SmtpPhase.ANY && !isCommand(context.phase()))) {
            return false;
        }
        if (remaining.get() <= 0 || !matcher.matches(context)) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (left == ALWAYS || remaining.compareAndSet(left, left - 1)) {
                fired.incrementAndGet();
                return true;
            }
        }
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
        int left = remaining.get();
        int n = fired.get();
        return description + ", fired " + n + (n == 1 ? " time" : " times") + (left == ALWAYS ? ", no limit" : ", " + left + " left");
    }
}
