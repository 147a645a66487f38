package dev.smtpunit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When a client asked to be notified about one recipient: the values of the {@code NOTIFY} parameter
 * of {@code RCPT} (RFC 3461 section 4.1). {@link #NEVER} comes alone; the others combine.
 *
 * <pre>{@code
 * assertEquals(Set.of(DsnNotify.FAILURE, DsnNotify.DELAY), mail.envelope().recipients().get(0).dsnNotify());
 * }</pre>
 */
public enum DsnNotify {
    /** {@code NEVER}: no notification at all. */
    NEVER,
    /** {@code SUCCESS}: on successful delivery. */
    SUCCESS,
    /** {@code FAILURE}: on failed delivery. */
    FAILURE,
    /** {@code DELAY}: when delivery is delayed. */
    DELAY;

    /**
     * Parses a {@code NOTIFY} value such as {@code SUCCESS,FAILURE}.
     *
     * @param value the parameter value, any case
     * @return the values, unmodifiable
     * @throws IllegalArgumentException when a part is not one of the four keywords
     */
    public static Set<DsnNotify> parse(String value) {
        EnumSet<DsnNotify> set = EnumSet.noneOf(DsnNotify.class);
        for (String part : value.split(",", -1)) {
            set.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
        }
        return Collections.unmodifiableSet(set);
    }
}
