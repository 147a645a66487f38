package dev.smtpunit.assertj;

import dev.smtpunit.Mailbox;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.assertj.internal.Waiting;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The messages a mailbox navigation ({@code hasMessageTo(...)} and its kin) may mean, narrowed by
 * every assertion that followed it: the chain passes when one message satisfies all of them.
 *
 * @param mailbox where the messages come from (read again at each step, so later arrivals count)
 * @param description what the candidates have in common, such as {@code to <ada@example.com>}
 * @param match the navigation's condition and every assertion passed since
 * @param waitFor how long {@code eventually()} waits, or null
 * @param deadline when the wait of the whole chain ends ({@link System#nanoTime()})
 */
record Selection(
        Mailbox mailbox,
        String description,
        Predicate<? super ReceivedMessage> match,
        Duration waitFor,
        long deadline) {

    /** The navigation itself failed (inside soft assertions): what follows has nothing to check. */
    static final Selection FAILED = new Selection(null, "", m -> false, null, 0);

    boolean failed() {
        return this == FAILED;
    }

    List<ReceivedMessage> candidates(List<ReceivedMessage> all) {
        return all.stream().filter(match).toList();
    }

    Selection narrowed(String more, Predicate<? super ReceivedMessage> condition) {
        Predicate<ReceivedMessage> both = m -> match.test(m) && condition.test(m);
        return new Selection(mailbox, description + ", " + more, both, waitFor, deadline);
    }

    void check(Runnable check) {
        if (waitFor == null) {
            check.run();
        } else {
            Waiting.checkUntil(waitFor, deadline, check);
        }
    }
}
