package dev.smtpunit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The history of one SMTP connection, in order. Thread-safe; lists handed out are snapshots.
 */
public final class SessionTranscript {
    private final int id;
    private final InetSocketAddress client;
    /*
     * The entries, compactly: one long per entry (its time, shifted, with its kind and flags in the
     * low bits), the client line or event detail, and the reply. A suite sending thousands of
     * messages keeps three array slots per line, not an object each; entries() builds the records.
     */
    private static final int SHIFT = 12;
    private static final long EVENT = 1;
    private static final long INJECTED = 1 << 1;
    private static final long PIPELINED = 1 << 2;
    private static final long CONTINUATION = 1 << 3;
    private static final int ORDINAL_SHIFT = 4;
    private static final long ORDINAL_MASK = 0xFF;
    /** The event ordinal that marks an entry kept whole in {@link #records}. */
    private static final long RECORD = ORDINAL_MASK;
    private static final SmtpPhase[] PHASES = SmtpPhase.values();
    private static final TranscriptEntry.Kind[] KINDS = TranscriptEntry.Kind.values();
    private long[] heads = new long[16];
    private String[] texts = new String[16];
    private SmtpReply[] replies = new SmtpReply[16];
    private int size;
    /** Entries the compact form has no slot for (HTTP exchanges of the provider APIs), by position. */
    private Map<Integer, TranscriptEntry> records;
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
    void addExchange(long at, SmtpPhase phase, String clientLine, SmtpReply reply, boolean injected,
            boolean pipelined, boolean continuation) {
        long bits = (long) phase.ordinal() << ORDINAL_SHIFT | (injected ? INJECTED : 0) | (pipelined ? PIPELINED : 0)
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
            if (!closed && (kind == TranscriptEntry.Kind.CLOSED_BY_CLIENT || kind == TranscriptEntry.Kind.CLOSED_BY_SERVER)) {
                closed = true;
                ended = true;
            }
        }
        if (ended) {
            onClose.accept(this);
        }
    }

    /**
     * Appends any entry: exchanges and events in the compact form, others (HTTP exchanges) as they are.
     *
     * @param entry the entry
     */
    void add(TranscriptEntry entry) {
        if (entry instanceof TranscriptEntry.Exchange x) {
            addExchange(x.timestampMillis(), x.phase(), x.clientLine(), x.reply(), x.injected(), x.pipelined(),
                    x.continuation());
        } else if (entry instanceof TranscriptEntry.Event e) {
            addEvent(e.timestampMillis(), e.kind(), e.detail());
        } else {
            synchronized (this) {
                if (records == null) {
                    records = new HashMap<>();
                }
                records.put(size, entry);
                append(entry.timestampMillis(), EVENT | RECORD << ORDINAL_SHIFT, null, null);
            }
        }
    }

    private void append(long at, long bits, String text, SmtpReply reply) {
        if (at < 0 || at >= 1L << (Long.SIZE - 1 - SHIFT)) {
            throw new IllegalArgumentException("timestamp out of range: " + at);
        }
        if (size == heads.length) {
            int grown = size + (size >> 1);
            heads = Arrays.copyOf(heads, grown);
            texts = Arrays.copyOf(texts, grown);
            replies = Arrays.copyOf(replies, grown);
        }
        heads[size] = at << SHIFT | bits;
        texts[size] = text;
        replies[size] = reply;
        size++;
    }

    private TranscriptEntry entry(int i) {
        long head = heads[i];
        long at = head >>> SHIFT;
        int ordinal = (int) (head >>> ORDINAL_SHIFT & ORDINAL_MASK);
        if ((head & EVENT) != 0) {
            if (ordinal == RECORD) {
                return records.get(i);
            }
            return new TranscriptEntry.Event(at, KINDS[ordinal], texts[i]);
        }
        return new TranscriptEntry.Exchange(at, PHASES[ordinal], texts[i], replies[i], (head & INJECTED) != 0,
                (head & PIPELINED) != 0, (head & CONTINUATION) != 0);
    }

    /** {@return every entry in order} */
    public synchronized List<TranscriptEntry> entries() {
        TranscriptEntry[] out = new TranscriptEntry[size];
        for (int i = 0; i < size; i++) {
            out[i] = entry(i);
        }
        return List.of(out);
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
