package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The turn on a shared server: a test that uses a server other tests can reach too (a per-class server,
 * or the server of an application context that any number of classes share) holds the server's turn
 * from its reset before the test to the last check after it, so tests running concurrently on one
 * server take turns on it, and only on it. The turn belongs to the server, not to the class that found
 * it, so two classes sharing one Spring context wait for each other as two methods of one class do.
 *
 * <p>A test that needs several shared servers takes their turns in the order the servers were first
 * seen, so two tests never wait for each other's second server.
 */
final class ServerTurns {
    /**
     * How long a test waits for a server before it fails: long enough for the tests of a large suite
     * that share one Spring context to run one after the other, short enough that a deadlock (a test
     * that waits for a server its own thread holds) does not hang the build.
     */
    private static final long WAIT_SECONDS = 300;
    /** Weak keys: a closed, forgotten server takes its turn with it. */
    private static final Map<MockSmtpServer, Turn> TURNS = new WeakHashMap<>();

    private static final AtomicLong ORDER = new AtomicLong();

    private ServerTurns() {}

    /** One server's turn: a fair semaphore, and the place of the server in the order turns are taken. */
    record Turn(long order, Semaphore semaphore) {
        void release() {
            semaphore.release();
        }
    }

    /**
     * Waits for the turn on each of the servers, in their global order.
     *
     * @param servers the shared servers the test can reach (duplicates are taken once)
     * @param who the test, for the error message
     * @return the turns taken, in the order to hand back (see {@link #release(List)})
     */
    static List<Turn> take(Collection<MockSmtpServer> servers, String who) {
        Map<MockSmtpServer, Turn> distinct = new IdentityHashMap<>();
        for (MockSmtpServer server : servers) {
            distinct.computeIfAbsent(server, ServerTurns::turnOf);
        }
        List<Turn> ordered = new ArrayList<>(distinct.values());
        ordered.sort(Comparator.comparingLong(Turn::order));
        List<Turn> taken = new ArrayList<>();
        try {
            for (Turn turn : ordered) {
                if (!turn.semaphore().tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new ExtensionConfigurationException("waited " + WAIT_SECONDS + " s for a shared SMTP server"
                            + " (per-class, or an application context's) used by tests running concurrently; "
                            + who + " could not get its turn");
                }
                taken.add(turn);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(taken);
            throw new ExtensionConfigurationException("interrupted while waiting for a shared SMTP server", e);
        } catch (RuntimeException e) {
            release(taken);
            throw e;
        }
        return taken;
    }

    /**
     * Hands back turns taken by {@link #take}, last taken first.
     *
     * @param taken the turns
     */
    static void release(List<Turn> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            taken.get(i).release();
        }
    }

    private static Turn turnOf(MockSmtpServer server) {
        synchronized (TURNS) {
            return TURNS.computeIfAbsent(server, s -> new Turn(ORDER.incrementAndGet(), new Semaphore(1, true)));
        }
    }
}
