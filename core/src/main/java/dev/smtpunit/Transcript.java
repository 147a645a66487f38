package dev.smtpunit;

import dev.smtpunit.internal.Bounded;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything that crossed the wire on one server: every session in connection order, each with its
 * commands, replies and connection events. AUTH secrets are masked and message content is
 * summarised (size and line count), never listed. Thread-safe; lists handed out are snapshots.
 *
 * <pre>{@code
 * System.out.println(smtp.transcript());      // C: / S: form
 * List<TranscriptEntry.Exchange> rcpts = smtp.transcript().exchanges(SmtpPhase.RCPT);
 * }</pre>
 */
public final class Transcript {
    private final ArrayList<SessionTranscript> sessions = new ArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super SessionTranscript>> endListeners = new CopyOnWriteArrayList<>();
    private final int maxSessions;
    private final int maxEntries;
    private long droppedSessions;

    /** Creates an empty transcript; each server makes its own. */
    Transcript() {
        this(0, 0);
    }

    /**
     * An empty transcript that keeps at most so many sessions and entries per session.
     *
     * @param maxSessions {@link SmtpServerOptions#maxTranscriptSessions()}
     * @param maxEntries {@link SmtpServerOptions#maxTranscriptEntries()}
     */
    Transcript(int maxSessions, int maxEntries) {
        this.maxSessions = maxSessions;
        this.maxEntries = maxEntries;
    }

    /**
     * Opens and registers the transcript of a new connection.
     *
     * @param id the session number
     * @param client the client's address
     * @return the session's transcript
     */
    SessionTranscript open(int id, InetSocketAddress client) {
        SessionTranscript session = new SessionTranscript(id, client, this::ended, maxEntries);
        add(session);
        return session;
    }

    /**
     * Registers a new session; beyond {@link SmtpServerOptions#maxTranscriptSessions()} the oldest
     * closed session is dropped (the oldest open one when none has closed) and counted.
     *
     * @param session the session
     */
    synchronized void add(SessionTranscript session) {
        sessions.add(session);
        if (maxSessions > 0 && sessions.size() > maxSessions) {
            int victim = 0;
            for (int i = 0; i < sessions.size() - 1; i++) {
                if (sessions.get(i).isClosed()) {
                    victim = i;
                    break;
                }
            }
            sessions.remove(victim);
            droppedSessions++;
        }
    }

    /**
     * {@return how many sessions were dropped since the last {@link #clear()} to keep within
     *     {@link SmtpServerOptions#maxTranscriptSessions()}: 0 unless the server has that limit}
     */
    public synchronized long droppedSessionCount() {
        return droppedSessions;
    }

    /**
     * Called by a session of this transcript when its connection has closed.
     *
     * @param session the finished session
     */
    void ended(SessionTranscript session) {
        for (Consumer<? super SessionTranscript> listener : endListeners) {
            try {
                listener.accept(session);
            } catch (RuntimeException | AssertionError e) {
                // a listener must not take the server down: the session is recorded already
                System.err.println("SmtpUnit: a transcript listener failed on session " + session.id() + ": " + e);
            }
        }
    }

    /**
     * Calls the listener with each session that ends from now on, once its connection has closed and
     * its transcript is complete (a session still open when the server stops ends then). It runs on
     * the server's connection thread, so keep it short; an exception it throws is printed and
     * otherwise ignored.
     *
     * <pre>{@code
     * smtp.transcript().onSessionEnd(session -> System.out.print(session));
     * }</pre>
     *
     * @param listener what to do with each finished session
     * @return a subscription whose {@code close()} stops the calls
     */
    public Mailbox.Subscription onSessionEnd(Consumer<? super SessionTranscript> listener) {
        Objects.requireNonNull(listener, "listener");
        endListeners.add(listener);
        return () -> endListeners.remove(listener);
    }

    /** Forgets every session recorded so far, for example after a warm-up; {@code reset()} on the server does this too. */
    public synchronized void clear() {
        sessions.clear();
        droppedSessions = 0;
    }

    /** {@return every session in connection order} */
    public synchronized List<SessionTranscript> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * The session with the given number.
     *
     * @param id the session number, from 1
     * @return the session
     * @throws IllegalArgumentException when no such session is recorded
     */
    public SessionTranscript session(int id) {
        for (SessionTranscript s : sessions()) {
            if (s.id() == id) {
                return s;
            }
        }
        long gone = droppedSessionCount();
        throw new IllegalArgumentException("no session " + id + " in this transcript; sessions: "
                + sessions().stream().map(SessionTranscript::id).toList()
                + (gone == 0 ? "" : " " + Bounded.droppedSessions(gone).strip()));
    }

    /**
     * A transcript holding only one session, for looking at it on its own.
     *
     * @param id the session number, from 1
     * @return a new transcript with that session
     * @throws IllegalArgumentException when no such session is recorded
     */
    public Transcript only(int id) {
        Transcript one = new Transcript();
        one.add(session(id));
        return one;
    }

    /** {@return every exchange of every session, sessions in order} */
    public List<TranscriptEntry.Exchange> exchanges() {
        List<TranscriptEntry.Exchange> out = new ArrayList<>();
        for (SessionTranscript s : sessions()) {
            out.addAll(s.exchanges());
        }
        return out;
    }

    /**
     * {@return every provider API request and its response, connections in order; see {@link MockProviderApis}}
     */
    public List<TranscriptEntry.HttpExchange> httpExchanges() {
        List<TranscriptEntry.HttpExchange> out = new ArrayList<>();
        for (SessionTranscript s : sessions()) {
            for (TranscriptEntry e : s.entries()) {
                if (e instanceof TranscriptEntry.HttpExchange x) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    /**
     * The exchanges of one phase, across sessions.
     *
     * @param phase the phase, or {@link SmtpPhase#ANY}
     * @return the matching exchanges in order
     */
    public List<TranscriptEntry.Exchange> exchanges(SmtpPhase phase) {
        return exchanges().stream().filter(x -> phase.covers(x.phase())).toList();
    }

    /**
     * {@return the phases of all client commands in order: the greeting, the message content, AUTH
     *     continuation lines and replies the server sent on its own (such as an idle-timeout 421) are
     *     not commands}
     */
    public List<SmtpPhase> commands() {
        return exchanges().stream()
                .filter(TranscriptEntry.Exchange::isCommand)
                .map(TranscriptEntry.Exchange::phase)
                .toList();
    }

    /** {@return every AUTH attempt of every session, sessions in order, with how it ended} */
    public List<AuthAttempt> authAttempts() {
        List<AuthAttempt> out = new ArrayList<>();
        for (SessionTranscript s : sessions()) {
            out.addAll(s.authAttempts());
        }
        return out;
    }

    /**
     * The ESMTP extensions the clients used, read from their commands: {@code PIPELINING} (a command
     * sent before the previous reply), {@code STARTTLS}, {@code AUTH}, {@code CHUNKING} (BDAT), and the
     * MAIL/RCPT parameters: {@code SIZE}, {@code 8BITMIME} or {@code BINARYMIME} (from {@code BODY=}),
     * {@code SMTPUTF8}, {@code DSN} (RET, ENVID, NOTIFY, ORCPT), and any other parameter by its name.
     * A command counts whatever the server answered.
     *
     * <pre>{@code
     * assertTrue(smtp.transcript().extensionsUsed().contains("SMTPUTF8"));
     * }</pre>
     *
     * @return the keywords, upper case, in the order first used
     */
    public Set<String> extensionsUsed() {
        Set<String> used = new LinkedHashSet<>();
        for (TranscriptEntry.Exchange x : exchanges()) {
            ExtensionsUsed.collect(x, used);
        }
        return Collections.unmodifiableSet(used);
    }

    /**
     * {@return the transcript in {@code C:}/{@code S:} form, opening with a line that says how many
     *     sessions were dropped when some were}
     */
    @Override
    public String toString() {
        List<SessionTranscript> all = sessions();
        long gone = droppedSessionCount();
        if (all.isEmpty()) {
            return Bounded.droppedSessions(gone) + "(no SMTP session)\n";
        }
        StringBuilder sb = new StringBuilder(Bounded.droppedSessions(gone));
        for (SessionTranscript s : all) {
            sb.append(s);
        }
        return sb.toString();
    }
}
