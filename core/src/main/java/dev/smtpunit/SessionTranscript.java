package dev.smtpunit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The history of one SMTP connection, in order. Thread-safe; lists handed out are snapshots.
 */
public final class SessionTranscript {
    private final int id;
    private final InetSocketAddress client;
    private final ArrayList<TranscriptEntry> entries = new ArrayList<>(16);
    private final Consumer<SessionTranscript> onClose;
    private boolean closed;

    /**
     * Created by the server for each connection.
     *
     * @param id the session number on its server, from 1
     * @param client the client's address
     * @param onClose called once, with this session, when the connection has closed
     */
    SessionTranscript(int id, InetSocketAddress client, Consumer<SessionTranscript> onClose) {
        this.id = id;
        this.client = client;
        this.onClose = onClose;
    }

    /** {@return the session number on its server, 1 for the first connection} */
    public int id() {
        return id;
    }

    /** {@return the client's address and port} */
    public InetSocketAddress client() {
        return client;
    }

    /**
     * Appends an entry.
     *
     * @param entry the entry
     */
    void add(TranscriptEntry entry) {
        boolean ended = false;
        synchronized (this) {
            entries.add(entry);
            if (!closed && entry instanceof TranscriptEntry.Event e
                    && (e.kind() == TranscriptEntry.Kind.CLOSED_BY_CLIENT || e.kind() == TranscriptEntry.Kind.CLOSED_BY_SERVER)) {
                closed = true;
                ended = true;
            }
        }
        if (ended) {
            onClose.accept(this);
        }
    }

    /** {@return every entry in order} */
    public synchronized List<TranscriptEntry> entries() {
        return List.copyOf(entries);
    }

    /** {@return the command/reply exchanges in order, without events} */
    public List<TranscriptEntry.Exchange> exchanges() {
        List<TranscriptEntry.Exchange> out = new ArrayList<>();
        for (TranscriptEntry e : entries()) {
            if (e instanceof TranscriptEntry.Exchange x) {
                out.add(x);
            }
        }
        return out;
    }

    /** {@return the AUTH attempts of this session in order, with how each ended} */
    public List<AuthAttempt> authAttempts() {
        return AuthAttempt.of(id, exchanges());
    }

    /** {@return the events in order, without exchanges} */
    public List<TranscriptEntry.Event> events() {
        List<TranscriptEntry.Event> out = new ArrayList<>();
        for (TranscriptEntry e : entries()) {
            if (e instanceof TranscriptEntry.Event x) {
                out.add(x);
            }
        }
        return out;
    }

    /** {@return true once the connection has closed} */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** {@return the session in {@code C:}/{@code S:} form} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("--- session ").append(id).append(" from ").append(client.getAddress().getHostAddress()).append(':')
                .append(client.getPort()).append(" ---\n");
        for (TranscriptEntry e : entries()) {
            sb.append(e);
        }
        return sb.toString();
    }
}
