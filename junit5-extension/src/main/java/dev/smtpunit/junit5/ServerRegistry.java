package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The servers of one extension context (a test, or a class), by name. Kept in the context's store;
 * closing it stops every server it owns (not those borrowed from an application context).
 */
final class ServerRegistry implements AutoCloseable {

    /** A server and the annotation it was made from. */
    record Entry(String name, MockSmtpServer server, SmtpServer config, String origin, boolean perClass) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Names of servers owned by an application context: reset and shown here, closed by their owner. */
    private final Set<String> borrowed = new HashSet<>();
    /** Taken by each test that runs while these (per-class) servers exist, so concurrent tests take turns. */
    private final Semaphore turn = new Semaphore(1, true);

    /**
     * Waits for this registry's servers to be free of other tests.
     *
     * @param who the test, for the error message
     */
    void takeTurn(String who) {
        try {
            if (!turn.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new ExtensionConfigurationException("waited 60 s for a shared (per-class) SMTP server used by tests"
                        + " running concurrently; " + who + " could not get its turn");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionConfigurationException("interrupted while waiting for a shared SMTP server", e);
        }
    }

    void endTurn() {
        turn.release();
    }

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
