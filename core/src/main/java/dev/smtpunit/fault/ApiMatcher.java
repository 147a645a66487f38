package dev.smtpunit.fault;

import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether a provider API fault rule applies to a request. Combine with {@link #and},
 * {@link #or} and {@link #negate}.
 *
 * <pre>{@code
 * apis.faults().on(Provider.SENDGRID).matching(ApiMatcher.recipient("ada@example.com")).reply(503);
 * apis.faults().on(Provider.POSTMARK).matching(ApiMatcher.nthCall(2)).rateLimited(Duration.ofSeconds(1));
 * }</pre>
 */
@FunctionalInterface
public interface ApiMatcher {

    /**
     * Returns true when the rule should fire.
     *
     * @param call the request being handled
     * @return true when the rule should fire
     */
    boolean matches(ApiCall call);

    /**
     * Returns a matcher that needs both.
     *
     * @param other another matcher
     * @return a matcher that needs both
     */
    default ApiMatcher and(ApiMatcher other) {
        Objects.requireNonNull(other, "other");
        return c -> matches(c) && other.matches(c);
    }

    /**
     * Returns a matcher that needs either.
     *
     * @param other another matcher
     * @return a matcher that needs either
     */
    default ApiMatcher or(ApiMatcher other) {
        Objects.requireNonNull(other, "other");
        return c -> matches(c) || other.matches(c);
    }

    /** {@return the opposite matcher} */
    default ApiMatcher negate() {
        return c -> !matches(c);
    }

    /**
     * The n-th request to the rule's API on this server (counted from 1, whatever its outcome).
     *
     * @param n the request's number, from 1
     * @return the matcher
     */
    static ApiMatcher nthCall(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("calls are numbered from 1, was " + n);
        }
        return c -> c.callNumber() == n;
    }

    /**
     * A request that names this recipient (to, cc or bcc), compared without regard to case.
     *
     * @param address the address
     * @return the matcher
     */
    static ApiMatcher recipient(String address) {
        Objects.requireNonNull(address, "address");
        String a = address.toLowerCase(Locale.ROOT);
        return c ->
                c.recipients().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(a));
    }

    /**
     * A request whose field has exactly this value; see {@link ApiCall#fields()} for the names.
     *
     * @param name the field name or JSON path, such as {@code subject} or {@code from.email}
     * @param value the value
     * @return the matcher
     */
    static ApiMatcher field(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return c -> value.equals(c.fields().get(name));
    }

    /**
     * A request to a path (such as {@code /email/batch}).
     *
     * @param path the exact path
     * @return the matcher
     */
    static ApiMatcher path(String path) {
        Objects.requireNonNull(path, "path");
        return c -> c.path().equals(path);
    }
}
