package dev.smtpunit.fault;

import dev.smtpunit.Provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds a provider API fault rule, as {@link RuleBuilder} does for SMTP: optionally narrow it with
 * {@link #matching}, set how often it fires ({@link #times}, {@link #always()}, {@link #once()}, the
 * default), then give its effect, which registers the rule.
 *
 * <pre>{@code
 * apis.faults().on(Provider.SENDGRID).times(2).reply(503);                      // then accepts
 * apis.faults().on(Provider.MAILGUN).matching(ApiMatcher.recipient("ada@example.com")).reply(400, "{\"message\":\"bad\"}");
 * apis.faults().on(Provider.POSTMARK).rateLimited(Duration.ofSeconds(2));
 * }</pre>
 */
public final class ApiRuleBuilder {
    private final ApiFaults faults;
    private final Provider provider;
    private ApiMatcher matcher = c -> true;
    private boolean narrowed;
    private int uses = 1;

    ApiRuleBuilder(ApiFaults faults, Provider provider) {
        this.faults = faults;
        this.provider = provider;
    }

    /**
     * Narrows the rule; several calls must all match.
     *
     * @param m the matcher
     * @return this builder
     */
    public ApiRuleBuilder matching(ApiMatcher m) {
        Objects.requireNonNull(m, "matcher");
        matcher = narrowed ? matcher.and(m) : m;
        narrowed = true;
        return this;
    }

    /**
     * Lets the rule fire up to {@code n} times.
     *
     * @param n at least 1
     * @return this builder
     */
    public ApiRuleBuilder times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times(n) needs n >= 1, was " + n);
        }
        uses = n;
        return this;
    }

    /** {@return this builder, letting the rule fire every time it matches} */
    public ApiRuleBuilder always() {
        uses = ApiFaultRule.ALWAYS;
        return this;
    }

    /** {@return this builder, letting the rule fire once (the default)} */
    public ApiRuleBuilder once() {
        return times(1);
    }

    /**
     * Registers the rule with the given effect.
     *
     * @param effect what happens
     * @return the registered rule
     */
    public ApiFaultRule then(ApiFaultEffect effect) {
        Objects.requireNonNull(effect, "effect");
        return faults.add(new ApiFaultRule(provider, matcher, effect, uses));
    }

    /**
     * Responds with an error status and the provider's own error body for it (for {@code 429} its
     * rate-limit headers too, with {@code Retry-After: 1}).
     *
     * @param status 400 to 599
     * @return the registered rule
     */
    public ApiFaultRule reply(int status) {
        return then(
                status == 429
                        ? new ApiFaultEffect.RateLimited(Duration.ofSeconds(1))
                        : new ApiFaultEffect.Reply(status, null));
    }

    /**
     * Responds with an error status and this JSON body, as is.
     *
     * @param status 400 to 599
     * @param body the body
     * @return the registered rule
     */
    public ApiFaultRule reply(int status, String body) {
        Objects.requireNonNull(body, "body");
        return then(new ApiFaultEffect.Reply(status, body));
    }

    /**
     * Responds {@code 429} with the provider's error body and rate-limit headers.
     *
     * @param retryAfter what {@code Retry-After} says, at least one second
     * @return the registered rule
     */
    public ApiFaultRule rateLimited(Duration retryAfter) {
        return then(new ApiFaultEffect.RateLimited(retryAfter));
    }

    /**
     * Waits, then accepts the request.
     *
     * @param delay how long
     * @return the registered rule
     */
    public ApiFaultRule delay(Duration delay) {
        return then(new ApiFaultEffect.Delay(delay, null));
    }

    /**
     * Waits, then responds with an error status and the provider's error body.
     *
     * @param delay how long
     * @param status 400 to 599
     * @return the registered rule
     */
    public ApiFaultRule delayThenReply(Duration delay, int status) {
        return then(new ApiFaultEffect.Delay(delay, new ApiFaultEffect.Reply(status, null)));
    }

    /** {@return the registered rule: never respond} */
    public ApiFaultRule stall() {
        return then(new ApiFaultEffect.Stall());
    }

    /** {@return the registered rule: close the connection without a response} */
    public ApiFaultRule close() {
        return then(new ApiFaultEffect.Close());
    }
}
