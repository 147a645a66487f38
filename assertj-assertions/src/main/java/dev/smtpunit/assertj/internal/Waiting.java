package dev.smtpunit.assertj.internal;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

/** Retries an assertion with Awaitility until it passes or the deadline comes. */
public final class Waiting {
    private Waiting() {}

    /**
     * Runs the check once when {@code timeout} is null; otherwise retries it until it passes and, past
     * the deadline, throws its last failure prefixed with how long it waited.
     *
     * @param timeout how long to keep trying, or null to check once
     * @param check the assertion
     */
    public static void check(Duration timeout, Runnable check) {
        if (timeout == null) {
            check.run();
            return;
        }
        AssertionError[] last = new AssertionError[1];
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .ignoreNoExceptions().until(() -> {
                        try {
                            check.run();
                            return true;
                        } catch (AssertionError e) {
                            last[0] = e;
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            String millis = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
            AssertionError error = new AssertionError("After waiting " + millis + ":" + (last[0] == null ? " the condition was not met"
                    : last[0].getMessage()));
            throw error;
        }
    }
}
