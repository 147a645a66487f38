package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers of one extension context (a test, or a class), by name. Kept in the context's store;
 * closing it stops every server.
 */
final class ServerRegistry implements AutoCloseable {

    /** A server and the annotation it was made from. */
    record Entry(String name, MockSmtpServer server, SmtpServer config, String origin, boolean perClass) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    synchronized Entry get(String name) {
        return entries.get(name);
    }

    synchronized void put(Entry entry) {
        entries.put(entry.name(), entry);
    }

    synchronized List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Entry e : entries.values()) {
            try {
                e.server().close();
            } catch (RuntimeException ex) {
                if (first == null) {
                    first = ex;
                }
            }
        }
        entries.clear();
        if (first != null) {
            throw first;
        }
    }
}
