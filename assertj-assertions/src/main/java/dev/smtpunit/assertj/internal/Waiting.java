package dev.smtpunit.assertj.internal;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

/** Retries an assertion with Awaitility until it passes or the deadline comes. */
public final class Waiting {
    private Waiting() {}

    /**
     * Runs the check once when {@code timeout} is null; otherwise retries it until it passes and, past
     * the deadline, throws its last failure prefixed with how long it waited. Polls in the calling
     * thread: soft assertions tell nested assertion calls apart by the thread's stack.
     *
     * @param timeout how long to keep trying, or null to check once
     * @param check the assertion
     */
    public static void check(Duration timeout, Runnable check) {
        if (timeout == null) {
            check.run();
            return;
        }
        checkUntil(timeout, System.nanoTime() + timeout.toNanos(), check);
    }

    /**
     * Retries the check until it passes or {@code deadline} comes (once at least, even when the
     * deadline has passed); a chain of assertions shares one deadline this way.
     *
     * @param timeout the whole wait, for the failure message
     * @param deadline when to give up, in {@link System#nanoTime()} terms
     * @param check the assertion
     */
    public static void checkUntil(Duration timeout, long deadline, Runnable check) {
        AssertionError[] last = new AssertionError[1];
        long remaining = deadline - System.nanoTime();
        try {
            if (remaining <= 0) {
                check.run();
                return;
            }
            Awaitility.await()
                    .atMost(Duration.ofNanos(remaining))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .ignoreNoExceptions()
                    .until(() -> {
                        try {
                            check.run();
                            return true;
                        } catch (AssertionError e) {
                            last[0] = e;
                            return false;
                        }
                    });
        } catch (AssertionError e) {
            throw waited(timeout, e);
        } catch (ConditionTimeoutException e) {
            throw waited(timeout, last[0]);
        }
    }

    private static AssertionError waited(Duration timeout, AssertionError last) {
        String millis = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        String message = last == null ? " the condition was not met" : last.getMessage();
        return Frames.strip(new AssertionError(ShouldHave.NL + "After waiting " + millis + ":" + message));
    }
}
