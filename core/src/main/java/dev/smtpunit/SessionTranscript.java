package dev.smtpunit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The history of one SMTP connection, in order. Thread-safe; lists handed out are snapshots.
 */
public final class SessionTranscript {
    private final int id;
    private final InetSocketAddress client;
    /*
     * The entries, compactly: one long per entry (its time, shifted, with its kind and flags in the
     * low bits), the client line or event detail (or, for an HTTP exchange, the record itself), and
     * the reply. A suite sending thousands of messages keeps three array slots per line, not an
     * object each; entries() builds the records.
     */
    private static final int SHIFT = 13;
    private static final long EVENT = 1;
    private static final long INJECTED = 1 << 1;
    private static final long PIPELINED = 1 << 2;
    private static final long CONTINUATION = 1 << 3;
    private static final long HTTP = 1 << 4;
    private static final int ORDINAL_SHIFT = 5;
    private static final long ORDINAL_MASK = 0xFF;
    private static final SmtpPhase[] PHASES = SmtpPhase.values();
    private static final TranscriptEntry.Kind[] KINDS = TranscriptEntry.Kind.values();
    private final int maxEntries;
    private final int headEntries;
    /*
     * With a limit, once maxEntries are held the slots from headEntries on are a ring of the latest
     * entries: ring is the slot of the oldest of them, dropped counts the entries overwritten and
     * droppedUntil is the time of the latest of those.
     */
    private int ring;
    private long dropped;
    private long droppedUntil;
    private long[] heads = new long[16];
    private Object[] texts = new Object[16];
    private SmtpReply[] replies = new SmtpReply[16];
    private int size;
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
        this(id, client, onClose, 0);
    }

    /**
     * Created by the server for each connection, keeping at most {@code maxEntries} entries: the
     * first half and the latest half, the ones between counted.
     *
     * @param id the session number on its server, from 1
     * @param client the client's address
     * @param onClose called once, with this session, when the connection has closed
     * @param maxEntries the most entries kept, at least 2, or 0 for no limit
     */
    SessionTranscript(int id, InetSocketAddress client, Consumer<SessionTranscript> onClose, int maxEntries) {
        this.id = id;
        this.client = client;
        this.onClose = onClose;
        this.maxEntries = maxEntries;
        this.headEntries = (maxEntries + 1) / 2;
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
     * Appends an exchange.
     *
     * @param at when, in epoch milliseconds
     * @param phase the command's phase
     * @param clientLine the line as recorded, or null
     * @param reply the reply, or null
     * @param injected whether a fault rule supplied the reply
     * @param pipelined whether the command came before the previous reply
     * @param continuation whether the line answers an AUTH challenge
     */
    void addExchange(
            long at,
            SmtpPhase phase,
            String clientLine,
            SmtpReply reply,
            boolean injected,
            boolean pipelined,
            boolean continuation) {
        long bits = (long) phase.ordinal() << ORDINAL_SHIFT
                | (injected ? INJECTED : 0)
                | (pipelined ? PIPELINED : 0)
                | (continuation ? CONTINUATION : 0);
        synchronized (this) {
            append(at, bits, clientLine, reply);
        }
    }

    /**
     * Appends an event; the first close event tells the transcript's session-end listeners, outside the lock.
     *
     * @param at when, in epoch milliseconds
     * @param kind what happened
     * @param detail the description
     */
    void addEvent(long at, TranscriptEntry.Kind kind, String detail) {
        boolean ended = false;
        synchronized (this) {
            append(at, EVENT | (long) kind.ordinal() << ORDINAL_SHIFT, detail, null);
            if (!closed
                    && (kind == TranscriptEntry.Kind.CLOSED_BY_CLIENT
                            || kind == TranscriptEntry.Kind.CLOSED_BY_SERVER)) {
                closed = true;
                ended = true;
            }
        }
        if (ended) {
            onClose.accept(this);
        }
    }

    /**
     * Appends a provider API request and its response.
     *
     * @param exchange the exchange
     */
    void addHttp(TranscriptEntry.HttpExchange exchange) {
        synchronized (this) {
            append(exchange.timestampMillis(), HTTP, exchange, null);
        }
    }

    private void append(long at, long bits, Object text, SmtpReply reply) {
        if (at < 0 || at >= 1L << (Long.SIZE - 1 - SHIFT)) {
            throw new IllegalArgumentException("timestamp out of range: " + at);
        }
        int slot = size;
        if (maxEntries > 0 && size == maxEntries) {
            slot = headEntries + ring;
            ring = (ring + 1) % (maxEntries - headEntries);
            droppedUntil = heads[slot] >>> SHIFT;
            dropped++;
        } else {
            if (size == heads.length) {
                int grown = size + (size >> 1);
                if (maxEntries > 0) {
                    grown = Math.min(grown, maxEntries);
                }
                heads = Arrays.copyOf(heads, grown);
                texts = Arrays.copyOf(texts, grown);
                replies = Arrays.copyOf(replies, grown);
            }
            size++;
        }
        heads[slot] = at << SHIFT | bits;
        texts[slot] = text;
        replies[slot] = reply;
    }

    private TranscriptEntry entry(int i) {
        long head = heads[i];
        long at = head >>> SHIFT;
        int ordinal = (int) (head >>> ORDINAL_SHIFT & ORDINAL_MASK);
        if ((head & HTTP) != 0) {
            return (TranscriptEntry.HttpExchange) texts[i];
        }
        if ((head & EVENT) != 0) {
            return new TranscriptEntry.Event(at, KINDS[ordinal], (String) texts[i]);
        }
        return new TranscriptEntry.Exchange(
                at,
                PHASES[ordinal],
                (String) texts[i],
                replies[i],
                (head & INJECTED) != 0,
                (head & PIPELINED) != 0,
                (head & CONTINUATION) != 0);
    }

    /**
     * {@return every entry in order; in a session longer than {@link SmtpServerOptions#maxTranscriptEntries()},
     *     its first and its latest entries with an {@link TranscriptEntry.Kind#ENTRIES_DROPPED} event between them}
     */
    public synchronized List<TranscriptEntry> entries() {
        if (dropped == 0) {
            TranscriptEntry[] out = new TranscriptEntry[size];
            for (int i = 0; i < size; i++) {
                out[i] = entry(i);
            }
            return List.of(out);
        }
        TranscriptEntry[] out = new TranscriptEntry[size + 1];
        for (int i = 0; i < headEntries; i++) {
            out[i] = entry(i);
        }
        int tail = maxEntries - headEntries;
        out[headEntries] = new TranscriptEntry.Event(
                droppedUntil,
                TranscriptEntry.Kind.ENTRIES_DROPPED,
                String.format(
                        java.util.Locale.ROOT,
                        "... (%,d entr%s left out to keep within maxTranscriptEntries %d: "
                                + "the first %d and the latest %d are kept) ...",
                        dropped,
                        dropped == 1 ? "y" : "ies",
                        maxEntries,
                        headEntries,
                        tail));
        for (int i = 0; i < tail; i++) {
            out[headEntries + 1 + i] = entry(headEntries + (ring + i) % tail);
        }
        return List.of(out);
    }

    /**
     * {@return how many entries of this session were left out to keep within
     *     {@link SmtpServerOptions#maxTranscriptEntries()}: 0 unless it had more}
     */
    public synchronized long droppedEntryCount() {
        return dropped;
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
        sb.append("--- session ")
                .append(id)
                .append(" from ")
                .append(client.getAddress().getHostAddress())
                .append(':')
                .append(client.getPort())
                .append(" ---\n");
        for (TranscriptEntry e : entries()) {
            sb.append(e);
        }
        return sb.toString();
    }
}
