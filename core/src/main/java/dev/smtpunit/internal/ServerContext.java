package dev.smtpunit.internal;

import dev.smtpunit.Mailbox;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.Transcript;
import dev.smtpunit.fault.Faults;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What every connection of one running server shares. */
final class ServerContext {
    final SmtpServerOptions options;
    final ServerConfiguration configuration;
    final Mailbox mailbox;
    final Transcript transcript;
    final Faults faults;
    final TlsMaterial tls;
    /** Builds and records the public value types. */
    final Recorder recorder;

    final Interner interner = new Interner();
    /** Set when the server stops, so that closed connections are recorded as closed by the server. */
    volatile boolean stopping;
    /** Enforces write and handshake deadlines. */
    final Watchdog watchdog;

    private final Set<SmtpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionIds;
    private final AtomicInteger transactions;
    private final AtomicInteger active = new AtomicInteger();

    ServerContext(
            SmtpServerOptions options,
            Mailbox mailbox,
            Transcript transcript,
            Faults faults,
            TlsMaterial tls,
            AtomicInteger sessionIds,
            AtomicInteger transactions,
            Recorder recorder) {
        this.options = options;
        this.configuration = new ServerConfiguration(options);
        this.mailbox = mailbox;
        this.transcript = transcript;
        this.faults = faults;
        this.tls = tls;
        this.recorder = recorder;
        this.sessionIds = sessionIds;
        this.transactions = transactions;
        this.watchdog = new Watchdog(this);
    }

    int nextSessionId() {
        return sessionIds.incrementAndGet();
    }

    int nextTransaction() {
        return transactions.incrementAndGet();
    }

    /**
     * Takes a connection slot, if one is free: a refused connection takes none, so refusals never
     * wear the limit down.
     *
     * @return true when the connection is within the limit and holds a slot until {@link #release()}
     */
    boolean admit() {
        int max = options.maxConnections();
        while (true) {
            int now = active.get();
            if (max != 0 && now >= max) {
                return false;
            }
            if (active.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back the slot of an admitted connection that ended. */
    void release() {
        active.decrementAndGet();
    }

    /** {@return how many admitted connections hold a slot} */
    int activeConnections() {
        return active.get();
    }

    /**
     * Closes every connection whose guarded write or handshake is past its deadline.
     *
     * @param now the {@link System#nanoTime()} now
     */
    void expireOverdue(long now) {
        for (SmtpConnection c : connections) {
            c.wire().expire(now);
        }
    }

    void opened(SmtpConnection connection) {
        connections.add(connection);
    }

    void closed(SmtpConnection connection) {
        connections.remove(connection);
    }

    /**
     * Closes every open connection and waits for their threads to end.
     *
     * @param deadlineNanos the {@link System#nanoTime()} to stop waiting at
     */
    void closeConnections(long deadlineNanos) {
        SmtpConnection[] open = connections.toArray(new SmtpConnection[0]);
        for (SmtpConnection c : open) {
            c.abort();
        }
        for (SmtpConnection c : open) {
            c.join(deadlineNanos);
        }
    }
}
