package dev.smtpunit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads message content after 354 until {@code <CRLF>.<CRLF>} and nothing else: a line of a single
 * dot ends the content only when the line before it ended with CRLF and the dot line itself ends
 * with CRLF, so {@code <LF>.<CRLF>}, {@code <CRLF>.<LF>} and the like never end a message (SMTP
 * smuggling). Bare CR or LF anywhere in the content is remembered so that the message can be
 * refused. Content is dot-unstuffed and appended into growing chunks, then copied once into an
 * exact-size array.
 */
final class DataReceiver {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int PARTIAL_LINE_FLUSH = 8192;
    private static final int MAX_CHUNK = 4 << 20;

    private final long maxSize;
    private final List<byte[]> chunks = new ArrayList<>(2);
    private byte[] current;
    private int position;
    private long size;
    private long lines;
    private boolean atLineStart = true;
    private boolean previousEndedWithCrlf = true;
    private boolean bareLf;
    private boolean bareCr;
    private boolean tooBig;

    /** The connection's reusable first buffer: content that fits is copied out once, at its exact size. */
    private final byte[] scratch;

    /**
     * @param maxSize the size limit, 0 for none
     * @param sizeHint the SIZE the client declared, or 0
     * @param scratch a buffer of the connection's to start in, reused from message to message
     */
    DataReceiver(long maxSize, long sizeHint, byte[] scratch) {
        this.maxSize = maxSize;
        this.scratch = scratch;
        this.current = sizeHint > scratch.length ? new byte[(int) Math.min(sizeHint, MAX_CHUNK)] : scratch;
    }

    /**
     * Consumes what it can of the buffered input.
     *
     * @param in the connection's input; its read position moves past what was consumed
     * @return true when the end of the content was reached (the terminator is consumed too)
     */
    boolean consume(Wire in) {
        byte[] a = in.buffer();
        while (true) {
            int r = in.head();
            int w = in.tail();
            if (r == w) {
                return false;
            }
            int lf = in.indexOf(r, LF);
            if (lf < 0) {
                if (w - r > PARTIAL_LINE_FLUSH) {
                    // a very long line: store all but the last byte (it may be the CR of CRLF)
                    int from = atLineStart && a[r] == '.' ? r + 1 : r;
                    if (!bareCr && contains(a, r, w - 1, CR)) {
                        bareCr = true;
                    }
                    append(a, from, w - 1 - from);
                    atLineStart = false;
                    in.consumeTo(w - 1);
                }
                return false;
            }
            int length = lf - r + 1;
            boolean crlf = length >= 2 && a[lf - 1] == CR;
            if (atLineStart && previousEndedWithCrlf && crlf && length == 3 && a[r] == '.') {
                in.consumeTo(lf + 1);
                return true;
            }
            int from = atLineStart && a[r] == '.' ? r + 1 : r;
            if (!bareCr && contains(a, r, crlf ? lf - 1 : lf, CR)) {
                bareCr = true;
            }
            if (!crlf) {
                bareLf = true;
            }
            append(a, from, lf + 1 - from);
            lines++;
            previousEndedWithCrlf = crlf;
            atLineStart = true;
            in.consumeTo(lf + 1);
        }
    }

    /**
     * Appends the octets of a BDAT chunk as they are: no dot-stuffing, no line rules (RFC 3030).
     *
     * @param in the buffer
     * @param from the first octet
     * @param length how many
     */
    void appendChunk(byte[] in, int from, int length) {
        append(in, from, length);
    }

    private static boolean contains(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return true;
            }
        }
        return false;
    }

    private void append(byte[] in, int from, int length) {
        size += length;
        if (tooBig || bareLf || bareCr) {
            if (maxSize > 0 && size > maxSize) {
                tooBig = true;
            }
            dropContent();
            return;
        }
        if (maxSize > 0 && size > maxSize) {
            tooBig = true;
            dropContent();
            return;
        }
        while (length > 0) {
            if (position == current.length) {
                chunks.add(current);
                long soFar = size - length;
                current = new byte[(int) Math.max(8192, Math.min(soFar, MAX_CHUNK))];
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(in, from, current, position, n);
            position += n;
            from += n;
            length -= n;
        }
    }

    private void dropContent() {
        if (current != null) {
            chunks.clear();
            current = null;
        }
    }

    /** {@return the content bytes in one exact-size array} */
    byte[] content() {
        if (current == null) {
            throw new IllegalStateException("content was dropped");
        }
        if (chunks.isEmpty() && position == current.length && current != scratch) {
            return current;
        }
        byte[] out = new byte[(int) size];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        System.arraycopy(current, 0, out, at, position);
        chunks.clear();
        current = null;
        return out;
    }

    long size() {
        return size;
    }

    long lines() {
        return lines;
    }

    boolean bareLf() {
        return bareLf;
    }

    boolean bareCr() {
        return bareCr;
    }

    boolean tooBig() {
        return tooBig;
    }
}
