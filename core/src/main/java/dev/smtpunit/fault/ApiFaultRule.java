package dev.smtpunit.fault;

import dev.smtpunit.Provider;

/**
 * One scripted provider API fault: an API (or all), a matcher, an effect and how many times it may
 * fire. Made by {@link ApiRuleBuilder}. Thread-safe.
 */
public final class ApiFaultRule {
    static final int ALWAYS = Uses.ALWAYS;
    private final Provider provider;
    private final ApiMatcher matcher;
    private final ApiFaultEffect effect;
    private final Uses uses;

    ApiFaultRule(Provider provider, ApiMatcher matcher, ApiFaultEffect effect, int uses) {
        this.provider = provider;
        this.matcher = matcher;
        this.effect = effect;
        this.uses = new Uses(uses);
    }

    /** {@return the API the rule applies to, or null for every API} */
    public Provider provider() {
        return provider;
    }

    /** {@return what the rule does} */
    public ApiFaultEffect effect() {
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

    boolean tryFire(ApiCall call) {
        return (provider == null || provider == call.provider())
                && uses.hasLeft()
                && matcher.matches(call)
                && uses.take();
    }

    @Override
    public String toString() {
        return "on " + (provider == null ? "every API" : provider) + " -> " + effect + ", " + uses;
    }
}
