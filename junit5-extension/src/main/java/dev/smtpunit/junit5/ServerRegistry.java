package dev.smtpunit.junit5;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The servers of one extension context (a test, or a class), by name. Kept in the context's store;
 * closing it stops every server it owns (not those borrowed from an application context).
 */
final class ServerRegistry implements AutoCloseable {

    /**
     * A server and the annotation it was made from; {@code contextApis} are the provider APIs an
     * application context owns beside its server (null for the extension's own servers).
     */
    record Entry(
            String name,
            MockSmtpServer server,
            SmtpServer config,
            String origin,
            boolean perClass,
            MockProviderApis contextApis) {
        Entry(String name, MockSmtpServer server, SmtpServer config, String origin, boolean perClass) {
            this(name, server, config, origin, perClass, null);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Names of servers owned by an application context: reset and shown here, closed by their owner. */
    private final Set<String> borrowed = new HashSet<>();

    synchronized Entry get(String name) {
        return entries.get(name);
    }

    synchronized void put(Entry entry) {
        entries.put(entry.name(), entry);
        borrowed.remove(entry.name());
    }

    /** Adds or replaces a server that its owner (an application context) closes. */
    synchronized void putBorrowed(Entry entry) {
        entries.put(entry.name(), entry);
        borrowed.add(entry.name());
    }

    synchronized List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Entry e : entries.values()) {
            if (borrowed.contains(e.name())) {
                continue;
            }
            try {
                e.server().close();
            } catch (RuntimeException ex) {
                if (first == null) {
                    first = ex;
                }
            }
        }
        entries.clear();
        borrowed.clear();
        if (first != null) {
            throw first;
        }
    }
}
