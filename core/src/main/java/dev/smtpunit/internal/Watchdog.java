package dev.smtpunit.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread per running server that enforces the deadlines a blocking call cannot enforce
 * itself: a reply write to a client that does not read, a TLS handshake trickled record by record.
 * It looks at every open connection a few times per shortest deadline and closes the TCP socket of
 * one whose guarded call is overdue ({@link Wire#expire}); the blocked call then fails at once.
 * Started with the server's first connection, so that a server nobody connects to costs no thread,
 * and stopped with the server.
 */
final class Watchdog implements Runnable {
    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private final ServerContext server;
    private final long periodNanos;
    private Thread thread;
    private volatile boolean stopped;

    /**
     * @param server the connections to watch
     */
    Watchdog(ServerContext server) {
        this.server = server;
        long shortest = Math.min(
                server.options.idleTimeout().toNanos(),
                server.options.tlsHandshakeTimeout().toNanos());
        this.periodNanos = Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, shortest / 8));
    }

    /**
     * Starts the thread unless it runs already; called by the accepting threads.
     *
     * @param name the name of the listener that accepted, for the thread's
     */
    synchronized void ensureRunning(String name) {
        if (thread == null && !stopped) {
            Thread t = new Thread(this, name + " watchdog");
            t.setDaemon(true);
            t.start();
            thread = t;
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, periodNanos);
            server.expireOverdue(System.nanoTime());
        }
    }

    /**
     * Stops the thread and waits for it.
     *
     * @param deadlineNanos the {@link System#nanoTime()} to stop waiting at
     */
    void stop(long deadlineNanos) {
        Thread t;
        synchronized (this) {
            stopped = true;
            t = thread;
        }
        if (t == null) {
            return;
        }
        LockSupport.unpark(t);
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
