package dev.smtpunit.fault;

import dev.smtpunit.SmtpReply;

import java.time.Duration;
import java.util.Objects;

/**
 * What a fault rule makes the server do instead of (or on top of) its normal behaviour.
 *
 * <p>A reply with a 2xx or 3xx code lets the command take effect as usual and only replaces what
 * the client sees; a 4xx or 5xx reply stops the command (a refused {@code RCPT} adds no recipient, a
 * refused end of data stores nothing).
 */
public sealed interface FaultEffect {

    /**
     * Sends this reply.
     *
     * @param reply the reply
     * @param closeAfter close the connection once the reply is sent
     */
    record Reply(SmtpReply reply, boolean closeAfter) implements FaultEffect {
        /**
         * Checks the reply.
         *
         * @param reply the reply
         * @param closeAfter close after sending it
         */
        public Reply {
            Objects.requireNonNull(reply, "reply");
        }

        /** {@return the call that makes this effect, such as {@code reply(452, "4.2.2 Mailbox full")}} */
        @Override
        public String toString() {
            return (closeAfter ? "replyAndClose(" : "reply(") + Dsl.reply(reply) + ")";
        }
    }

    /**
     * Closes the connection without any reply. At {@code END_OF_DATA} the message is discarded
     * (made by {@link #closeDiscardingMessage()}).
     */
    record Close() implements FaultEffect {
        /** {@return {@code close()}; at END_OF_DATA the rule reads {@code closeDiscardingMessage()}} */
        @Override
        public String toString() {
            return "close()";
        }
    }

    /**
     * Waits, without blocking other sessions, then carries on normally or sends a reply.
     *
     * @param delay how long to wait
     * @param reply the reply to send afterwards, or null to carry on normally
     */
    record Delay(Duration delay, SmtpReply reply) implements FaultEffect {
        /**
         * Checks the delay.
         *
         * @param delay how long to wait
         * @param reply the reply afterwards, or null
         */
        public Delay {
            checkPositive(delay, "delay");
        }

        /** {@return the call that makes this effect, such as {@code delay(Duration.ofSeconds(2))}} */
        @Override
        public String toString() {
            return reply == null
                    ? "delay(" + Dsl.duration(delay) + ")"
                    : "delayThenReply(" + Dsl.duration(delay) + ", " + Dsl.reply(reply) + ")";
        }
    }

    /** Never replies; the client has to give up. */
    record Stall() implements FaultEffect {
        /** {@return {@code stall()}} */
        @Override
        public String toString() {
            return "stall()";
        }
    }

    /**
     * Sends the reply one byte at a time.
     *
     * @param perByte the pause before each byte
     * @param reply the reply to trickle, or null for the normal reply
     */
    record Trickle(Duration perByte, SmtpReply reply) implements FaultEffect {
        /**
         * Checks the pause.
         *
         * @param perByte the pause before each byte
         * @param reply the reply, or null for the normal one
         */
        public Trickle {
            checkPositive(perByte, "perByte");
        }

        /** {@return the call that makes this effect, such as {@code trickle(Duration.ofMillis(20))}} */
        @Override
        public String toString() {
            return "trickle(" + Dsl.duration(perByte) + ")"
                    + (reply == null ? "" : " of the reply " + Dsl.reply(reply));
        }
    }

    /**
     * At {@code END_OF_DATA} only: stores the message, then drops the connection before replying, so
     * that a retrying client delivers it twice (made by {@link #closeAfterStoring()}).
     */
    record StoreThenDrop() implements FaultEffect {
        /** {@return {@code closeAfterStoring()}} */
        @Override
        public String toString() {
            return "closeAfterStoring()";
        }
    }

    /** Behaves normally; used in {@code enqueue} to let one command through. */
    record Proceed() implements FaultEffect {
        /** {@return {@code proceed()}} */
        @Override
        public String toString() {
            return "proceed()";
        }
    }

    /**
     * Replies with a code and text.
     *
     * @param code the reply code
     * @param text the first line, usually starting with an enhanced status code
     * @param moreLines further lines of a multi-line reply
     * @return the effect
     */
    static FaultEffect reply(int code, String text, String... moreLines) {
        return new Reply(SmtpReply.of(code, text, moreLines), false);
    }

    /**
     * Replies, then closes the connection.
     *
     * @param code the reply code
     * @param text the reply text
     * @return the effect
     */
    static FaultEffect replyAndClose(int code, String text) {
        return new Reply(SmtpReply.of(code, text), true);
    }

    /** {@return an effect that closes the connection without a reply, instead of answering a command} */
    static FaultEffect close() {
        return new Close();
    }

    /** {@return at {@code END_OF_DATA}: store nothing, close the connection without a reply} */
    static FaultEffect closeDiscardingMessage() {
        return new Close();
    }

    /** {@return at {@code END_OF_DATA}: store the message, then close the connection before the 250} */
    static FaultEffect closeAfterStoring() {
        return new StoreThenDrop();
    }

    /**
     * Delays, then behaves normally.
     *
     * @param delay how long
     * @return the effect
     */
    static FaultEffect delay(Duration delay) {
        return new Delay(delay, null);
    }

    /**
     * Delays, then replies.
     *
     * @param delay how long
     * @param code the reply code
     * @param text the reply text
     * @return the effect
     */
    static FaultEffect delayThenReply(Duration delay, int code, String text) {
        return new Delay(delay, SmtpReply.of(code, text));
    }

    /** {@return an effect that never replies} */
    static FaultEffect stall() {
        return new Stall();
    }

    /**
     * Sends the normal reply one byte at a time.
     *
     * @param perByte pause before each byte
     * @return the effect
     */
    static FaultEffect trickle(Duration perByte) {
        return new Trickle(perByte, null);
    }

    /** {@return the effect of normal behaviour} */
    static FaultEffect proceed() {
        return new Proceed();
    }

    private static void checkPositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
