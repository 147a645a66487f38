package dev.smtpunit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;

/**
 * The bytes of one connection: a fixed input buffer filled by blocking reads, and replies gathered
 * until the connection is about to wait for input with nothing more pending, so that pipelined
 * commands are answered in one write. The socket may be replaced once by its TLS layer.
 *
 * <p>A blocking socket write has no timeout in the JDK, and a TLS handshake read by read has none in
 * all: each write (and each handshake) is {@linkplain #guard guarded} by a deadline that the server's
 * {@link Watchdog} enforces by closing the TCP socket, which ends the blocked call at once.
 */
final class Wire {
    /** What a deadline guards. */
    enum Guard {
        /** Writing replies: bounded by the idle timeout. */
        WRITE,
        /** The TLS handshake: bounded by the handshake timeout. */
        HANDSHAKE
    }

    /** Holds the longest line we keep (an AUTH line) plus a large read. */
    static final int INPUT_CAPACITY = 16384;

    private static final int OUTPUT_FLUSH_AT = 8192;

    /** The TCP socket, closed from other threads to end the connection (never blocks on TLS). */
    private final Socket raw;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Input: the unread bytes are {@code buf[head..tail)}. */
    private final byte[] buf = new byte[INPUT_CAPACITY];

    private int head;
    private int tail;
    /** Where the bytes of the last {@link #fill()} start: they are {@code buf[lastFill..tail)}. */
    private int lastFill;

    private byte[] pending = new byte[512];
    private int pendingLength;
    private final long writeTimeoutNanos;
    /** What the current deadline guards; written before {@link #deadline}, read after it. */
    private Guard guarded;
    /** The {@link System#nanoTime()} the guarded call must end by; 0 when none is guarded. */
    private volatile long deadline;
    /** What passed its deadline and made the watchdog close the connection, or null. */
    private volatile Guard expired;

    /**
     * @param socket the accepted socket
     * @param writeTimeoutNanos how long one write may take
     * @throws IOException when its streams cannot be opened
     */
    Wire(Socket socket, long writeTimeoutNanos) throws IOException {
        this.raw = socket;
        this.writeTimeoutNanos = writeTimeoutNanos;
        use(socket);
    }

    /**
     * Starts a deadline for the blocking call about to be made on this connection's thread.
     *
     * @param what what it guards
     * @param nanos how long the call may take
     */
    void guard(Guard what, long nanos) {
        guarded = what;
        long d = System.nanoTime() + nanos;
        deadline = d == 0 ? 1 : d;
    }

    /** Ends the deadline: the guarded call returned. */
    void unguard() {
        deadline = 0;
    }

    /**
     * Called by the watchdog: closes the connection when its guarded call is past its deadline.
     *
     * @param now the {@link System#nanoTime()} now
     */
    void expire(long now) {
        long d = deadline;
        if (d != 0 && now - d >= 0) {
            expired = guarded;
            abort();
        }
    }

    /** {@return what passed its deadline and closed the connection, or null} */
    Guard expired() {
        return expired;
    }

    /**
     * Continues on another socket layered over the current one (TLS).
     *
     * @param layered the new socket
     * @throws IOException when its streams cannot be opened
     */
    void use(Socket layered) throws IOException {
        this.socket = layered;
        this.in = layered.getInputStream();
        this.out = layered.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    /** {@return the input buffer, read only: its unread bytes are {@code [head(), tail())}} */
    byte[] buffer() {
        return buf;
    }

    /** {@return the index of the first unread byte} */
    int head() {
        return head;
    }

    /** {@return the index after the last unread byte} */
    int tail() {
        return tail;
    }

    /** {@return where the bytes of the last {@link #fill()} start: they are {@code [lastFill(), tail())}} */
    int lastFill() {
        return lastFill;
    }

    /**
     * Marks the input up to an index as read.
     *
     * @param index the new {@link #head()}, between it and {@link #tail()}
     */
    void consumeTo(int index) {
        head = index;
    }

    /** Drops every unread byte of the buffer. */
    void consumeAll() {
        head = tail;
    }

    /** {@return the number of unread bytes in the buffer} */
    int readable() {
        return tail - head;
    }

    /**
     * @param from where to start, at least {@link #head}
     * @param b the byte
     * @return its first index in {@code buf[from..tail)}, or -1
     */
    int indexOf(int from, byte b) {
        byte[] a = buf;
        for (int i = from, end = tail; i < end; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Waits for more input. Replies still pending are written first unless more input is already
     * waiting (then the caller handles that first and the replies go out together).
     *
     * @return false at the end of the stream
     * @throws IOException on a read error or timeout ({@link java.net.SocketTimeoutException})
     */
    boolean fill() throws IOException {
        if (head == tail) {
            head = 0;
            tail = 0;
        } else if (tail == buf.length) {
            System.arraycopy(buf, head, buf, 0, tail - head);
            tail -= head;
            head = 0;
        }
        if (pendingLength > 0 && in.available() == 0) {
            flush();
        }
        int n = in.read(buf, tail, buf.length - tail);
        if (n < 0) {
            return false;
        }
        lastFill = tail;
        tail += n;
        return true;
    }

    /**
     * Drops what is buffered and what the peer has sent that is already waiting to be read.
     *
     * @return the number of bytes dropped
     * @throws IOException on a read error
     */
    int discardBuffered() throws IOException {
        int dropped = tail - head;
        head = 0;
        tail = 0;
        int waiting;
        while ((waiting = in.available()) > 0) {
            int n = in.read(buf, 0, Math.min(waiting, buf.length));
            if (n < 0) {
                break;
            }
            dropped += n;
        }
        return dropped;
    }

    /** {@return whether replies are waiting to be written} */
    boolean hasPending() {
        return pendingLength > 0;
    }

    /**
     * Queues bytes to be written with the next flush.
     *
     * @param bytes the bytes
     */
    void write(byte[] bytes) {
        if (pendingLength + bytes.length > pending.length) {
            byte[] larger = new byte[Math.max(pending.length * 2, pendingLength + bytes.length)];
            System.arraycopy(pending, 0, larger, 0, pendingLength);
            pending = larger;
        }
        System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
        pendingLength += bytes.length;
        if (pendingLength >= OUTPUT_FLUSH_AT) {
            flush();
        }
    }

    /** Writes the pending replies now. */
    void flush() {
        if (pendingLength == 0) {
            return;
        }
        int n = pendingLength;
        pendingLength = 0;
        guard(Guard.WRITE, writeTimeoutNanos);
        try {
            out.write(pending, 0, n);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            unguard();
        }
    }

    /**
     * Writes part of a reply at once, bypassing the queue (trickled replies).
     *
     * @param bytes the bytes
     * @param offset the first one
     * @param length how many
     */
    void writeNow(byte[] bytes, int offset, int length) {
        flush();
        guard(Guard.WRITE, writeTimeoutNanos);
        try {
            out.write(bytes, offset, length);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            unguard();
        }
    }

    /**
     * @param millis the read timeout, 0 for none
     */
    void readTimeout(int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (SocketException e) {
            // the socket is closed; the next read says so
        }
    }

    /** Closes the connection from its own thread (with a TLS close_notify when encrypted, itself a guarded write). */
    void close() {
        guard(Guard.WRITE, writeTimeoutNanos);
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        } finally {
            unguard();
        }
        abort();
    }

    /** Closes the TCP socket; safe from any thread and more than once: a blocked read fails at once. */
    void abort() {
        try {
            raw.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
