package dev.smtpunit;

import java.util.Map;
import java.util.Objects;

/**
 * One accepted {@code RCPT TO} of a mail transaction.
 *
 * @param address the forward path without angle brackets
 * @param parameters the ESMTP parameters in the order sent, names upper-cased, for example
 *     {@code NOTIFY=SUCCESS}; a parameter without value maps to an empty string
 */
public record Recipient(String address, Map<String, String> parameters) {
    /**
     * Checks and copies the components.
     *
     * @param address the forward path
     * @param parameters the ESMTP parameters
     */
    public Recipient {
        Objects.requireNonNull(address, "address");
        parameters = parameters.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? "<" + address + ">" : "<" + address + "> " + parameters;
    }
}
