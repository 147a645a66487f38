package dev.smtpunit.internal;

import io.netty.buffer.ByteBuf;

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

    /**
     * @param maxSize the size limit, 0 for none
     * @param sizeHint the SIZE the client declared, or 0
     */
    DataReceiver(long maxSize, long sizeHint) {
        this.maxSize = maxSize;
        int first = sizeHint > 0 ? (int) Math.min(sizeHint, MAX_CHUNK) : 4096;
        this.current = new byte[first];
    }

    /**
     * Consumes what it can of the buffer.
     *
     * @param in the cumulated input; its reader index moves past what was consumed
     * @return true when the end of the content was reached (the terminator is consumed too)
     */
    boolean consume(ByteBuf in) {
        while (true) {
            int r = in.readerIndex();
            int w = in.writerIndex();
            if (r == w) {
                return false;
            }
            int lf = in.indexOf(r, w, LF);
            if (lf < 0) {
                if (w - r > PARTIAL_LINE_FLUSH) {
                    // a very long line: store all but the last byte (it may be the CR of CRLF)
                    int from = atLineStart && in.getByte(r) == '.' ? r + 1 : r;
                    if (!bareCr && in.indexOf(r, w - 1, CR) >= 0) {
                        bareCr = true;
                    }
                    append(in, from, w - 1 - from);
                    atLineStart = false;
                    in.readerIndex(w - 1);
                }
                return false;
            }
            int length = lf - r + 1;
            boolean crlf = length >= 2 && in.getByte(lf - 1) == CR;
            if (atLineStart && previousEndedWithCrlf && crlf && length == 3 && in.getByte(r) == '.') {
                in.readerIndex(lf + 1);
                return true;
            }
            int from = atLineStart && in.getByte(r) == '.' ? r + 1 : r;
            if (!bareCr && in.indexOf(r, crlf ? lf - 1 : lf, CR) >= 0) {
                bareCr = true;
            }
            if (!crlf) {
                bareLf = true;
            }
            append(in, from, lf + 1 - from);
            lines++;
            previousEndedWithCrlf = crlf;
            atLineStart = true;
            in.readerIndex(lf + 1);
        }
    }

    private void append(ByteBuf in, int from, int length) {
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
            in.getBytes(from, current, position, n);
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

    /** @return the content bytes in one exact-size array */
    byte[] content() {
        if (current == null) {
            throw new IllegalStateException("content was dropped");
        }
        if (chunks.isEmpty() && position == current.length) {
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
