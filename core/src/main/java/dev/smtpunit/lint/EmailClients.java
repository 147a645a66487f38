package dev.smtpunit.lint;

import dev.smtpunit.internal.html.CanIEmailData;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The mail clients whose support {@link LintRuleSet#HTML_COMPATIBILITY} judges, and the support they
 * must have. Clients are caniemail's: a family ({@code gmail}, {@code outlook}, {@code apple-mail},
 * {@code yahoo}, ...) stands for all its platforms, {@code family.platform} ({@code outlook.windows},
 * {@code outlook.outlook-com}, {@code gmail.android}, ...) for one. Each client is judged by its newest
 * version in caniemail's tables (caniemail 2.0.2, data of 2026-05-13, shipped in the jar). Immutable.
 *
 * <pre>{@code
 * MailLint lint = MailLint.of(LintRuleSet.HTML_COMPATIBILITY)
 *         .withClients(EmailClients.of("gmail", "apple-mail", "outlook.windows", "outlook.outlook-com"));
 * }</pre>
 */
public final class EmailClients {
    /** The support a client must have for a feature not to be reported. */
    public enum Support {
        /** Partial support is enough: only features a client does not support at all are reported. */
        PARTIAL,
        /** Full support (the default): features a client supports only partly are reported too, as warnings. */
        FULL
    }

    /** Every client: the tables are read when a selection is first looked at, not when a server's options are built. */
    private static final EmailClients ALL = new EmailClients(null, Support.FULL);

    /** The chosen clients, or null for every client of the tables. */
    private final Set<String> clients;

    private final Support minimum;

    private EmailClients(Set<String> clients, Support minimum) {
        this.clients = clients == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(clients));
        this.minimum = minimum;
    }

    /** Every client key of the tables, read once. */
    private static final class Every {
        static final Set<String> CLIENTS =
                Collections.unmodifiableSet(new LinkedHashSet<>(CanIEmailData.get().clients));
    }

    /** {@return every client caniemail has tested, requiring full support} */
    public static EmailClients all() {
        return ALL;
    }

    /**
     * Returns these clients, requiring full support.
     *
     * @param clients families such as {@code gmail} or clients such as {@code outlook.windows}, at least one
     * @return the selection
     * @throws IllegalArgumentException naming an unknown client and the known ones
     */
    public static EmailClients of(String... clients) {
        if (clients.length == 0) {
            throw new IllegalArgumentException(
                    "name at least one client, for example EmailClients.of(\"gmail\", \"outlook.windows\")");
        }
        Set<String> known = CanIEmailData.get().clients;
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : clients) {
            Objects.requireNonNull(name, "client");
            String key = name.strip().toLowerCase(java.util.Locale.ROOT);
            int before = chosen.size();
            for (String client : known) {
                if (client.equals(key) || client.startsWith(key + ".")) {
                    chosen.add(client);
                }
            }
            if (chosen.size() == before && !known.contains(key)) {
                throw new IllegalArgumentException("unknown mail client \"" + name + "\"; known: a family ("
                        + String.join(", ", CanIEmailData.get().families.keySet()) + ") or family.platform ("
                        + String.join(", ", known) + ")");
            }
        }
        return new EmailClients(chosen, Support.FULL);
    }

    /**
     * Returns this selection with another minimum support.
     *
     * @param minimum the support each chosen client must have
     * @return the selection with that minimum
     */
    public EmailClients requiring(Support minimum) {
        return new EmailClients(clients, Objects.requireNonNull(minimum, "minimum"));
    }

    /** {@return the chosen clients as {@code family.platform} keys, such as {@code outlook.windows}} */
    public Set<String> clients() {
        return clients == null ? Every.CLIENTS : clients;
    }

    /** {@return the support each chosen client must have} */
    public Support minimum() {
        return minimum;
    }

    /** {@return which caniemail data judges, such as {@code caniemail 2.0.2 (npm package caniemail), data updated 2026-05-13 ...}} */
    public static String dataSource() {
        return CanIEmailData.get().source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailClients other
                && minimum == other.minimum
                && (clients == other.clients || clients().equals(other.clients()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(clients(), minimum);
    }

    @Override
    public String toString() {
        return "EmailClients"
                + (clients().equals(Every.CLIENTS)
                        ? "[all"
                        : Arrays.toString(clients.toArray()).replace("]", "")) + ", minimum " + minimum + "]";
    }
}
