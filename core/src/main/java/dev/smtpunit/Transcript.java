package dev.smtpunit;

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

    /** Creates an empty transcript; each server makes its own. */
    Transcript() {}

    /**
     * Registers a new session.
     *
     * @param session the session
     */
    synchronized void add(SessionTranscript session) {
        sessions.add(session);
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
        throw new IllegalArgumentException("no session " + id + " in this transcript; sessions: "
                + sessions().stream().map(SessionTranscript::id).toList());
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
        return exchanges().stream().filter(TranscriptEntry.Exchange::isCommand).map(TranscriptEntry.Exchange::phase).toList();
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

    /** {@return the transcript in {@code C:}/{@code S:} form} */
    @Override
    public String toString() {
        List<SessionTranscript> all = sessions();
        if (all.isEmpty()) {
            return "(no SMTP session)\n";
        }
        StringBuilder sb = new StringBuilder();
        for (SessionTranscript s : all) {
            sb.append(s);
        }
        return sb.toString();
    }
}
