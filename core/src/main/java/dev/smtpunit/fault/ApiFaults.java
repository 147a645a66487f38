package dev.smtpunit.fault;

import dev.smtpunit.Provider;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault rules of one provider API server, in the shape of {@link Faults}: rules are tried in
 * the order added, the first that fits and has uses left fires, a spent rule falls through to normal
 * behaviour. A request a rule answers is not accepted (nothing reaches the mailbox), except after a
 * plain {@link ApiRuleBuilder#delay delay}.
 *
 * <pre>{@code
 * apis.faults().on(Provider.SENDGRID).times(2).reply(503);
 * apis.faults().enqueue(Provider.SES, new ApiFaultEffect.Reply(500, null), new ApiFaultEffect.Proceed());
 * }</pre>
 */
public final class ApiFaults {
    private final CopyOnWriteArrayList<ApiFaultRule> rules = new CopyOnWriteArrayList<>();

    /** Creates an empty set of rules; servers make their own. */
    public ApiFaults() {}

    /**
     * Starts a rule for one API.
     *
     * @param provider the API
     * @return a builder that registers the rule when given its effect
     */
    public ApiRuleBuilder on(Provider provider) {
        return new ApiRuleBuilder(this, Objects.requireNonNull(provider, "provider"));
    }

    /** {@return a builder for a rule that applies to every API} */
    public ApiRuleBuilder onEveryApi() {
        return new ApiRuleBuilder(this, null);
    }

    /**
     * Scripts the next requests to an API in order: each takes the next effect;
     * {@link ApiFaultEffect.Proceed} lets one through.
     *
     * @param provider the API
     * @param effects one per request, in order
     * @return this
     */
    public ApiFaults enqueue(Provider provider, ApiFaultEffect... effects) {
        for (ApiFaultEffect e : effects) {
            on(provider).then(e);
        }
        return this;
    }

    ApiFaultRule add(ApiFaultRule rule) {
        rules.add(rule);
        return rule;
    }

    /** {@return every rule in order} */
    public List<ApiFaultRule> rules() {
        return List.copyOf(rules);
    }

    /** {@return the rules that never fired, in order} */
    public List<ApiFaultRule> unused() {
        return rules.stream().filter(r -> r.timesFired() == 0).toList();
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /**
     * Internal: the effect of the first rule that fires for this request.
     *
     * @param call the request
     * @return the effect, or null to behave normally
     */
    public ApiFaultEffect fire(ApiCall call) {
        for (ApiFaultRule rule : rules) {
            if (rule.tryFire(call)) {
                return rule.effect();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return rules.isEmpty()
                ? "no API fault rules"
                : String.join("\n", rules.stream().map(ApiFaultRule::toString).toList());
    }
}
