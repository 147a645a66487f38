package dev.smtpunit.internal;

import dev.smtpunit.SmtpServerOptions;

/**
 * Postfix's {@code smtpd_per_record_deadline} for one connection: a line (a command, or a line of
 * message content) must arrive complete within the deadline from its first octet, so that a client
 * trickling an octet at a time, never silent for the idle timeout, cannot hold its session forever.
 * The connection's read timeout is shortened to what is left of the deadline while a line is open.
 */
final class LineDeadline {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private final long deadlineNanos;
    private final int idleMillis;
    private final String shown;
    private boolean open;
    private long openedAt;

    private LineDeadline(SmtpServerOptions options) {
        this.deadlineNanos = options.lineDeadline().toNanos();
        this.idleMillis =
                (int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis());
        this.shown = SmtpConnection.seconds(options.lineDeadline());
    }

    /**
     * @param options the server's options
     * @return the deadline of one connection, or null when there is none
     */
    static LineDeadline of(SmtpServerOptions options) {
        return options.lineDeadline().isZero() ? null : new LineDeadline(options);
    }

    /**
     * @param now the {@link System#nanoTime()} now
     * @param exempt whether no line is being read (a BDAT chunk, or a stall fault): the idle timeout applies
     * @return the read timeout for the next read in milliseconds, or -1 when the open line is overdue
     */
    int readTimeout(long now, boolean exempt) {
        if (!open || exempt) {
            return idleMillis;
        }
        long left = openedAt + deadlineNanos - now;
        if (left <= 0) {
            return -1;
        }
        return (int) Math.min(idleMillis, Math.max(1, (left + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI));
    }

    /**
     * Notes what arrived: a line ending in it closes the line; octets after the last LF open a new one.
     *
     * @param buf the input buffer
     * @param from the first new octet
     * @param to after the last new octet
     * @param binary whether the octets are a BDAT chunk (no lines: only the idle timeout applies)
     * @param now the {@link System#nanoTime()} now
     */
    void received(byte[] buf, int from, int to, boolean binary, long now) {
        if (binary) {
            open = false;
            return;
        }
        if (to <= from) {
            return;
        }
        if (buf[to - 1] == '\n') {
            open = false;
            return;
        }
        if (!open || hasLf(buf, from, to - 1)) {
            open = true;
            openedAt = now;
        }
    }

    /**
     * @param now the {@link System#nanoTime()} now
     * @return whether a line is open and past its deadline
     */
    boolean overdue(long now) {
        return open && now - openedAt >= deadlineNanos;
    }

    private static boolean hasLf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** {@return the deadline as the transcript shows it} */
    @Override
    public String toString() {
        return shown;
    }
}
