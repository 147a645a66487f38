package dev.smtpunit.internal;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one server: each accepting thread serves the connection it accepted itself, once
 * it has handed accepting to another thread (leader/follower), so that no thread start and no
 * wake-up of another thread stands between a client's connect and its greeting. A thread whose
 * connection has ended waits a moment to be handed accepting again instead of ending (the thread
 * that served the server's first connection ends with it: most servers of a test suite see one).
 * Accepting is handed on before a connection is served, so a stalled connection never holds up
 * another; when the server stops every thread ends and is waited for.
 */
final class ConnectionThreads {
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The threads started, so that stop() can wait for each to have ended. */
    private final Set<Thread> started = ConcurrentHashMap.newKeySet();
    /** Threads waiting to be handed accepting, the most recent first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Set once the first connection has been given its thread. */
    private final AtomicBoolean firstRun = new AtomicBoolean();

    private boolean stopped;
    private volatile String idleName = "smtpunit idle";

    /** @param serverName the server's name, which idle threads carry */
    void serverName(String serverName) {
        idleName = serverName + " idle";
    }

    /**
     * Gives a listener's accept loop to an idle thread, or to a new one.
     *
     * @param acceptLoop the listener's accept loop, which returns when its thread has served a connection
     *        or the listening socket has closed
     * @param name the thread's name while it accepts
     * @throws RejectedExecutionException when the server is stopping
     */
    void accept(Runnable acceptLoop, String name) {
        Worker w;
        synchronized (this) {
            if (stopped) {
                throw new RejectedExecutionException("the server is stopping");
            }
            w = idle.pollFirst();
            if (w != null) {
                w.next = acceptLoop;
                w.nextName = name;
            } else {
                // started under the lock, so that stop() sees and waits for every thread it started
                w = new Worker(acceptLoop, name);
                started.removeIf(s -> !s.isAlive());
                started.add(w);
                w.start();
                return;
            }
        }
        LockSupport.unpark(w);
    }

    /**
     * Runs a connection on the calling thread, which accepted it: accepting is handed to another
     * thread first, so the next connection never waits for this one.
     *
     * @param connection the connection
     * @param name the thread's name while it runs the connection
     * @throws RejectedExecutionException when the server is stopping (the connection does not run)
     */
    void run(Runnable connection, String name) {
        Worker me = (Worker) Thread.currentThread();
        accept(me.role, me.roleName);
        me.endsAfterRole = firstRun.compareAndSet(false, true);
        me.setName(name);
        try {
            connection.run();
        } catch (RuntimeException | Error e) {
            // the connection has released what it held; the thread reports it as it would have ended with it
            me.getUncaughtExceptionHandler().uncaughtException(me, e);
        }
    }

    /**
     * Waits to be handed accepting again.
     *
     * @return the accept loop to run, or null when the thread is to end
     */
    private Runnable awaitRole(Worker w) {
        long deadline = System.nanoTime() + KEEP_ALIVE_NANOS;
        synchronized (this) {
            if (stopped) {
                return null;
            }
            idle.addFirst(w);
        }
        while (true) {
            synchronized (this) {
                if (w.next != null) {
                    Runnable r = w.next;
                    w.next = null;
                    return r;
                }
                long left = deadline - System.nanoTime();
                if (stopped || left <= 0) {
                    idle.remove(w);
                    return null;
                }
            }
            LockSupport.parkNanos(this, deadline - System.nanoTime());
        }
    }

    /**
     * Ends every thread (their connections and listening sockets are closed already) and waits for them.
     *
     * @param deadlineNanos the {@link System#nanoTime()} to stop waiting at
     */
    void stop(long deadlineNanos) {
        Worker[] waiting;
        synchronized (this) {
            stopped = true;
            waiting = idle.toArray(new Worker[0]);
        }
        for (Worker w : waiting) {
            LockSupport.unpark(w);
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

    /** A server thread: accepts, then serves what it accepted, then waits to accept again. */
    private final class Worker extends Thread {
        /** The accept loop this thread runs or last ran, and its thread name. */
        private Runnable role;

        private String roleName;
        /** Handed over by {@link #accept}, guarded by the enclosing instance. */
        private Runnable next;

        private String nextName;
        private boolean endsAfterRole;

        Worker(Runnable role, String name) {
            super(name);
            this.role = role;
            this.roleName = name;
            setDaemon(true);
        }

        @Override
        public void run() {
            Runnable r = role;
            while (r != null) {
                role = r;
                if (!getName().equals(roleName)) {
                    setName(roleName);
                }
                r.run();
                Thread.interrupted(); // an interrupt meant for the connection stays with it
                if (endsAfterRole) {
                    return;
                }
                setName(idleName);
                r = awaitRole(this);
                if (r != null) {
                    synchronized (ConnectionThreads.this) {
                        roleName = nextName;
                    }
                }
            }
        }
    }
}
