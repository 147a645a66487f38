package dev.smtpunit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
        parameters = parameters.isEmpty()
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /**
     * {@return the DSN {@code NOTIFY} parameter (RFC 3461 section 4.1); empty when the client sent none
     *     (the server then chooses, usually FAILURE and DELAY)}
     */
    public Set<DsnNotify> dsnNotify() {
        String value = parameters.get("NOTIFY");
        return value == null ? Set.of() : DsnNotify.parse(value);
    }

    /**
     * {@return the DSN {@code ORCPT} parameter (RFC 3461 section 4.2), xtext decoded, for example
     *     {@code rfc822;ada@example.com}, if the client sent one}
     */
    public Optional<String> dsnOriginalRecipient() {
        return Optional.ofNullable(parameters.get("ORCPT")).map(Xtext::decode);
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? "<" + address + ">" : "<" + address + "> " + parameters;
    }
}
