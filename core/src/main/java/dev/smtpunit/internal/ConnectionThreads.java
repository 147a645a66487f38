package dev.smtpunit.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The threads of one server's connections: a connection runs on a thread of its own, as before, but
 * a thread whose connection has ended waits a moment for the next one instead of ending, so that a
 * client opening a connection per message does not pay for a new thread each time (the first
 * connection's thread ends with it: most servers of a test suite see one connection). No connection
 * ever waits for another's thread (there is no queue: with no idle thread, a new one starts), and
 * when the server stops every thread ends and is waited for.
 */
final class ConnectionThreads {
    private static final long KEEP_ALIVE_MILLIS = 2_000;
    private ThreadPoolExecutor pool;
    private boolean stopped;
    private volatile String idleName = "smtpunit idle";
    /** The threads started, so that stop() can wait for each to have ended, not only for the pool to say so. */
    private final Set<Thread> started = ConcurrentHashMap.newKeySet();
    /** Set once the first connection has been given its thread. */
    private final AtomicBoolean firstRun = new AtomicBoolean();

    /** The pool, made at the second connection (a server that sees one never loads it). */
    private synchronized ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(
                    0, Integer.MAX_VALUE, KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS, new SynchronousQueue<>(), task -> {
                        Thread t = new Thread(task, idleName);
                        t.setDaemon(true);
                        track(t);
                        return t;
                    });
            if (stopped) {
                pool.shutdownNow();
            }
        }
        return pool;
    }

    private void track(Thread t) {
        started.removeIf(s -> !s.isAlive());
        started.add(t);
    }

    /** @param serverName the server's name, which idle threads carry */
    void serverName(String serverName) {
        idleName = serverName + " idle";
    }

    /**
     * Runs a connection on an idle thread or a new one, named after the server and session while it runs.
     *
     * @param connection the connection
     * @param name the thread's name while it runs the connection
     */
    void run(Runnable connection, String name) {
        if (firstRun.compareAndSet(false, true)) {
            // most servers in a test suite see one connection: its thread ends with it, so that stop()
            // has no idle thread to wake and wait for; from the second connection on, threads are kept
            Thread t = new Thread(connection, name);
            t.setDaemon(true);
            track(t);
            t.start();
            return;
        }
        pool().execute(() -> {
            Thread me = Thread.currentThread();
            me.setName(name);
            try {
                connection.run();
            } finally {
                Thread.interrupted(); // an interrupt meant for this connection stays with it
                me.setName(idleName);
            }
        });
    }

    /**
     * Ends every thread (their connections are closed already) and waits for them.
     *
     * @param deadlineNanos the {@link System#nanoTime()} to stop waiting at
     */
    void stop(long deadlineNanos) {
        synchronized (this) {
            stopped = true;
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        try {
            for (Thread t : started) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
