package dev.smtpunit.fault;

import java.time.Duration;
import java.util.Objects;

/** What a provider API fault rule makes the server do instead of accepting the request. */
public sealed interface ApiFaultEffect {

    /**
     * Responds with a status and, when {@code body} is null, the provider's own error body for it.
     *
     * @param status the HTTP status, 400 to 599
     * @param body the body to send as is, or null for the provider's error body
     */
    record Reply(int status, String body) implements ApiFaultEffect {
        /**
         * Checks the status.
         *
         * @param status the status
         * @param body the body, or null
         */
        public Reply {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a fault replies with an error status (400 to 599), was " + status);
            }
        }
    }

    /**
     * Responds {@code 429} with the provider's error body, its rate-limit headers and
     * {@code Retry-After}.
     *
     * @param retryAfter what {@code Retry-After} says, whole seconds
     */
    record RateLimited(Duration retryAfter) implements ApiFaultEffect {
        /**
         * Checks the duration.
         *
         * @param retryAfter the wait the client is told, at least 1 s
         */
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.toSeconds() < 1) {
                throw new IllegalArgumentException("Retry-After counts whole seconds, at least 1: was " + retryAfter);
            }
        }
    }

    /**
     * Waits, then accepts the request normally (or applies {@code then}).
     *
     * @param delay how long
     * @param then what happens after the wait, or null to carry on normally
     */
    record Delay(Duration delay, ApiFaultEffect then) implements ApiFaultEffect {
        /**
         * Checks the delay.
         *
         * @param delay how long, positive
         * @param then the effect afterwards, or null
         */
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("delay must be positive, was " + delay);
            }
        }
    }

    /** Never responds; the client's read timeout has to end it. */
    record Stall() implements ApiFaultEffect {}

    /** Closes the connection without a response; nothing is stored. */
    record Close() implements ApiFaultEffect {}

    /** Accepts the request normally; used in {@link ApiFaults#enqueue} to let one through. */
    record Proceed() implements ApiFaultEffect {}
}
