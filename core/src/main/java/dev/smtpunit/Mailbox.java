package dev.smtpunit;

import dev.smtpunit.internal.Bounded;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every message a server accepted, in arrival order. Thread-safe: the server adds from its I/O
 * threads while a test reads or waits. Lists handed out are immutable snapshots.
 *
 * <pre>{@code
 * List<ReceivedMessage> mails = smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5));
 * ReceivedMessage reset = smtp.mailbox().awaitMessage(m -> m.subject().contains("Reset"), Duration.ofSeconds(5));
 * smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(200));
 * }</pre>
 *
 * <p>A consumer that follows the mail as it comes either listens ({@link #onMessage}) or keeps its
 * place ({@link #messagesAfter}, {@link #awaitMessagesAfter}), instead of copying the whole list on
 * every wake-up.
 */
public final class Mailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ReceivedMessage> messages = new ArrayDeque<>();
    /** How many of the messages since the last {@link #clear()} were dropped to keep within the server's limit. */
    private long dropped;
    /** Held while a message is added and its listeners run, so that they see messages in arrival order. */
    private final ReentrantLock delivery = new ReentrantLock(true);

    private final CopyOnWriteArrayList<Consumer<? super ReceivedMessage>> listeners = new CopyOnWriteArrayList<>();

    /** Creates an empty mailbox; each server makes its own. */
    Mailbox() {}

    /**
     * Called by the server when a transaction completes.
     *
     * @param message the accepted message
     * @param limit the most messages to keep, 0 for no limit
     * @return the message dropped to make room, or null
     */
    ReceivedMessage add(ReceivedMessage message, int limit) {
        ReceivedMessage oldest = null;
        delivery.lock();
        try {
            lock.lock();
            try {
                messages.addLast(message);
                if (limit > 0 && messages.size() > limit) {
                    oldest = messages.pollFirst();
                    dropped++;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            for (Consumer<? super ReceivedMessage> listener : listeners) {
                try {
                    listener.accept(message);
                } catch (RuntimeException | AssertionError e) {
                    // a listener must not take the server down or lose the message: it is stored already
                    System.err.println("SmtpUnit: a mailbox listener failed on " + message + ": " + e);
                }
            }
        } finally {
            delivery.unlock();
        }
        return oldest;
    }

    /**
     * Calls the listener with each message that arrives from now on, in arrival order, one at a time.
     * It runs on the server's connection thread after the message is stored and before the client
     * gets its {@code 250}, so keep it short; an exception it throws is printed and otherwise
     * ignored (the message stays stored).
     *
     * <pre>{@code
     * BlockingQueue<ReceivedMessage> inbox = new LinkedBlockingQueue<>();
     * try (Mailbox.Subscription s = smtp.mailbox().onMessage(inbox::add)) {
     *     app.signup("ada@example.com");
     *     ReceivedMessage welcome = inbox.poll(5, TimeUnit.SECONDS);
     * }
     * }</pre>
     *
     * @param listener what to do with each new message
     * @return a subscription whose {@code close()} stops the calls
     */
    public Subscription onMessage(Consumer<? super ReceivedMessage> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * The messages after the first {@code seen} ones: what arrived since a consumer last looked.
     * Positions count every message since the last {@link #clear()}, dropped ones too (see
     * {@link #droppedCount()}), so that a consumer keeps its place when the oldest are dropped.
     *
     * <pre>{@code
     * List<ReceivedMessage> fresh = smtp.mailbox().messagesAfter(seen);
     * seen += fresh.size();
     * }</pre>
     *
     * @param seen how many messages the caller has seen already, at least 0
     * @return an immutable snapshot of the newer messages, possibly empty
     */
    public List<ReceivedMessage> messagesAfter(int seen) {
        checkSeen(seen);
        lock.lock();
        try {
            return after(seen);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until more than {@code seen} messages have arrived and returns the newer ones.
     *
     * <pre>{@code
     * List<ReceivedMessage> fresh = smtp.mailbox().awaitMessagesAfter(seen, Duration.ofSeconds(5));
     * }</pre>
     *
     * @param seen how many messages the caller has seen already, at least 0
     * @param timeout how long to wait at most
     * @return an immutable snapshot of the newer messages, at least one
     * @throws MailboxTimeoutException past the deadline, listing what did arrive
     */
    public List<ReceivedMessage> awaitMessagesAfter(int seen, Duration timeout) {
        checkSeen(seen);
        List<ReceivedMessage> fresh = awaitUntil(list -> dropped + list.size() > seen, timeout, list -> after(seen));
        if (fresh == null) {
            List<ReceivedMessage> now = messages();
            throw new MailboxTimeoutException(
                    "Expected a message after the first " + seen + " within " + format(timeout) + " but "
                            + describeHere(now),
                    now);
        }
        return fresh;
    }

    /** {@return the kept messages whose position is at least {@code seen}; called holding the lock} */
    private List<ReceivedMessage> after(int seen) {
        long skip = seen - dropped;
        if (skip >= messages.size()) {
            return List.of();
        }
        List<ReceivedMessage> all = List.copyOf(messages);
        return skip <= 0 ? all : all.subList((int) skip, all.size());
    }

    private static void checkSeen(int seen) {
        if (seen < 0) {
            throw new IllegalArgumentException("seen must not be negative, was " + seen);
        }
    }

    /** Stops the calls of a listener registered with {@link #onMessage}. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        /** Stops the calls; calling it again does nothing. */
        @Override
        void close();
    }

    /** {@return an immutable snapshot of the messages, in arrival order} */
    public List<ReceivedMessage> messages() {
        lock.lock();
        try {
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }

    /** {@return how many messages the mailbox holds: every one that arrived, less those dropped to keep within the limit} */
    public int size() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    /** {@return true when no message has arrived} */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * {@return how many messages were dropped since the last {@link #clear()} because the server keeps
     *     at most {@link SmtpServerOptions#maxStoredMessages()}; 0 without a limit}
     */
    public long droppedCount() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every message, and the count of dropped ones. */
    public void clear() {
        lock.lock();
        try {
            messages.clear();
            dropped = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} messages have arrived.
     *
     * @param count how many messages to wait for, at least 1
     * @param timeout how long to wait at most
     * @return a snapshot of all messages (possibly more than {@code count})
     * @throws MailboxTimeoutException past the deadline, listing what did arrive
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        List<ReceivedMessage> got = awaitUntil(list -> list.size() >= count, timeout);
        if (got == null) {
            List<ReceivedMessage> now = messages();
            throw new MailboxTimeoutException(
                    "Expected at least " + count + " message" + (count == 1 ? "" : "s") + " within " + format(timeout)
                            + " but " + describeHere(now),
                    now);
        }
        return got;
    }

    /**
     * Waits until a message matching the predicate has arrived.
     *
     * @param predicate what the message must satisfy
     * @param timeout how long to wait at most
     * @return the first matching message
     * @throws MailboxTimeoutException past the deadline, listing what did arrive
     */
    public ReceivedMessage awaitMessage(Predicate<? super ReceivedMessage> predicate, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        List<ReceivedMessage> got = awaitUntil(list -> list.stream().anyMatch(predicate), timeout);
        if (got == null) {
            List<ReceivedMessage> now = messages();
            throw new MailboxTimeoutException(
                    "Expected a message matching the predicate within " + format(timeout) + " but "
                            + (now.isEmpty() ? describe(now) : "none of these matched:\n" + Bounded.messages(now)),
                    now);
        }
        return got.stream().filter(predicate).findFirst().orElseThrow();
    }

    /**
     * Fails at once when the mailbox holds a message, else waits for the whole duration and fails if
     * one arrives: for "nothing was sent at all" (the assertions' {@code staysEmptyFor}).
     *
     * @param duration how long to watch
     * @throws AssertionError when a message arrived, listing it
     */
    public void assertNoMessageWithin(Duration duration) {
        List<ReceivedMessage> got = awaitUntil(list -> !list.isEmpty(), duration);
        if (got != null) {
            throw new AssertionError("Expected no message within " + format(duration) + " but " + describe(got));
        }
    }

    /** {@return the snapshot once the condition holds, or null after the timeout} */
    private List<ReceivedMessage> awaitUntil(Predicate<Collection<ReceivedMessage>> condition, Duration timeout) {
        return awaitUntil(condition, timeout, List::copyOf);
    }

    /** {@return what {@code result} makes of the messages once the condition holds, or null after the timeout} */
    private List<ReceivedMessage> awaitUntil(
            Predicate<Collection<ReceivedMessage>> condition,
            Duration timeout,
            Function<Collection<ReceivedMessage>, List<ReceivedMessage>> result) {
        Objects.requireNonNull(timeout, "timeout");
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (condition.test(messages)) {
                    return result.apply(messages);
                }
                if (remaining <= 0) {
                    return null;
                }
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mail", e);
        } finally {
            lock.unlock();
        }
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String describe(List<ReceivedMessage> list) {
        if (list.isEmpty()) {
            return "the mailbox is empty.";
        }
        return list.size() + " message" + (list.size() == 1 ? "" : "s") + " arrived:\n" + Bounded.messages(list);
    }

    /**
     * {@link #describe} for this mailbox, saying how many were dropped when some were.
     *
     * @param list a snapshot of the messages
     * @return the description
     */
    private String describeHere(List<ReceivedMessage> list) {
        long gone = droppedCount();
        String held = describe(list);
        return gone == 0
                ? held
                : held + "  (and " + gone + " older message" + (gone == 1 ? " was" : "s were")
                        + " dropped to keep within maxStoredMessages)\n";
    }

    /** {@return a summary of the messages} */
    public String summary() {
        return describeHere(messages());
    }

    @Override
    public String toString() {
        return "Mailbox[" + size() + " messages]";
    }

    /** Thrown when a wait on the mailbox passes its deadline; carries what did arrive. */
    public static final class MailboxTimeoutException extends AssertionError {
        private static final long serialVersionUID = 1L;

        private final transient List<ReceivedMessage> received;

        MailboxTimeoutException(String message, List<ReceivedMessage> received) {
            super(message);
            this.received = received;
        }

        /** {@return the messages that had arrived when the wait gave up} */
        public List<ReceivedMessage> received() {
            return received;
        }
    }
}
