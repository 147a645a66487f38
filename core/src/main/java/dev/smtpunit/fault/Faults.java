package dev.smtpunit.fault;

import dev.smtpunit.SmtpPhase;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault rules of one server. Rules are tried in the order added; the first one whose phase and
 * matcher fit and that has uses left fires; a spent rule falls through to normal behaviour. Rules may
 * be added and cleared while clients are connected.
 *
 * <pre>{@code
 * smtp.faults().on(RCPT).matching(recipient("ada@example.com")).times(2).reply(452, "4.2.2 Mailbox full");
 * smtp.faults().on(CONNECT).replyAndClose(421, "4.3.2 Try again later");
 * smtp.faults().enqueue(RCPT, FaultEffect.reply(452, "4.5.3 Too many"), FaultEffect.proceed(), FaultEffect.reply(550, "5.1.1 No such user"));
 * }</pre>
 */
public final class Faults {
    private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** Creates an empty set of rules; servers make their own. */
    public Faults() {}

    /**
     * Starts a rule for a phase.
     *
     * @param phase where the fault happens; {@link SmtpPhase#ANY} means every command
     * @return a builder that registers the rule when given its effect
     */
    public RuleBuilder on(SmtpPhase phase) {
        Objects.requireNonNull(phase, "phase");
        if (phase == SmtpPhase.UNKNOWN) {
            throw new IllegalArgumentException("faults attach to a known phase or ANY, not UNKNOWN");
        }
        return new RuleBuilder(this, phase);
    }

    /**
     * Scripts the next commands of a phase in order, like a queue: each command of that phase takes
     * the next effect; {@link FaultEffect#proceed()} lets one through. Afterwards the server behaves
     * normally.
     *
     * @param phase the phase
     * @param effects one per command, in order
     * @return this
     */
    public Faults enqueue(SmtpPhase phase, FaultEffect... effects) {
        for (FaultEffect e : effects) {
            on(phase).then(e);
        }
        return this;
    }

    FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    /** {@return every rule in order} */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** {@return the rules that never fired, in order} */
    public List<FaultRule> unused() {
        return rules.stream().filter(r -> r.timesFired() == 0).toList();
    }

    /** {@return true when no rule is registered (the server then skips building what rules would look at)} */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /**
     * Internal: the effect of the first rule that fires for this context.
     *
     * @param context the command being handled
     * @return the effect, or null to behave normally
     */
    public FaultEffect fire(FaultContext context) {
        for (FaultRule rule : rules) {
            if (rule.tryFire(context)) {
                return rule.effect();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return rules.isEmpty()
                ? "no fault rules"
                : String.join("\n", rules.stream().map(FaultRule::toString).toList());
    }
}
