package dev.smtpunit;

import java.util.Locale;

/**
 * What a failure notification should carry: the {@code RET} parameter of {@code MAIL} (RFC 3461
 * section 4.3).
 *
 * <pre>{@code
 * assertEquals(Optional.of(DsnReturn.HDRS), mail.envelope().dsnReturn());
 * }</pre>
 */
public enum DsnReturn {
    /** {@code RET=FULL}: the whole message. */
    FULL,
    /** {@code RET=HDRS}: the headers only. */
    HDRS;

    /**
     * Parses a {@code RET} value.
     *
     * @param value {@code FULL} or {@code HDRS}, any case
     * @return the value
     * @throws IllegalArgumentException for anything else
     */
    public static DsnReturn parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
