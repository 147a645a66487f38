package dev.smtpunit.internal;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.fault.FaultEffect;

/**
 * BDAT (RFC 3030 section 2) on one connection: reads each chunk to its exact octet count, then
 * answers it, and at {@code LAST} hands the assembled message to the connection like one ended by
 * DATA. A chunk is read whatever the verdict on its command, so refused chunks are dropped and never
 * taken for commands.
 */
final class ChunkTransfer {
    private final SmtpConnection conn;
    private final ServerContext server;
    private final ReplyWriter replies;
    private BdatCommand chunk;
    private long remaining;

    ChunkTransfer(SmtpConnection conn, ServerContext server, ReplyWriter replies) {
        this.conn = conn;
        this.replies = replies;
        this.server = server;
    }

    /**
     * A BDAT command line arrived.
     *
     * @param line the line
     * @param shown the line as the transcript shows it
     * @param pipelined whether it came before the previous reply went out
     * @return true when its chunk is now to be read (the connection calls {@link #consume})
     */
    boolean begin(String line, String shown, boolean pipelined) {
        long[] parsed = BdatCommand.parse(line);
        if (parsed == null) {
            conn.reply(SmtpPhase.BDAT, shown, 501, "5.5.4 Syntax: BDAT chunk-size [LAST] (RFC 3030 section 2)");
            return false;
        }
        SessionPolicy.Refusal refusal = null;
        Transaction tx = conn.transaction();
        if (!conn.inTransaction()) {
            refusal = new SessionPolicy.Refusal(503, "5.5.1 Error: need MAIL command");
        } else if (conn.recipientCount() == 0) {
            refusal = new SessionPolicy.Refusal(503, "5.5.1 Error: need RCPT command (no valid recipients)");
        }
        int number = refusal == null ? tx.nextChunk(server.options.maxMessageSize()) : 0;
        chunk = new BdatCommand(line, shown, parsed[0], parsed[1] == 1, pipelined, refusal, number);
        remaining = parsed[0];
        if (remaining == 0) {
            done();
            return false;
        }
        return true;
    }

    /**
     * Takes what it can of the chunk from the buffered input, and answers it once complete.
     *
     * @param w the input
     */
    void consume(Wire w) {
        int n = (int) Math.min(w.readable(), remaining);
        if (chunk.refusal() == null) {
            conn.transaction().content().appendChunk(w.buffer(), w.head(), n);
        }
        w.consumeTo(w.head() + n);
        remaining -= n;
        if (remaining == 0) {
            done();
        }
    }

    /** {@return what the transcript says when the connection ends in the middle of a chunk} */
    String cutShort() {
        return "connection lost during BDAT chunk " + chunk.number() + ", " + remaining + " of " + chunk.size()
                + " octets missing; the message was discarded";
    }

    private void done() {
        conn.chunkRead();
        BdatCommand c = chunk;
        chunk = null;
        replies.pipelined(c.pipelined());
        if (c.refusal() != null) {
            conn.reply(
                    SmtpPhase.BDAT, c.shown(), c.refusal().code(), c.refusal().text());
            return;
        }
        Transaction tx = conn.transaction();
        DataReceiver content = tx.content();
        String shown = server.interner.string(c.shown() + " <chunk " + c.number() + ": " + c.size() + " octets>");
        if (content.tooBig()) {
            // the chunk is read, then refused (RFC 3030 section 2); the transaction is over
            conn.endTransaction();
            conn.reply(
                    SmtpPhase.BDAT,
                    shown,
                    552,
                    "5.3.4 Message size exceeds fixed maximum message size of " + server.options.maxMessageSize()
                            + " bytes");
            return;
        }
        if (!c.last()) {
            FaultEffect effect = server.faults.fire(conn.context(SmtpPhase.BDAT, c.line(), null, null, c.number()));
            conn.faults()
                    .play(
                            SmtpPhase.BDAT,
                            shown,
                            effect,
                            () -> new Outcome(
                                    server.interner.reply(250, "2.0.0 Ok: " + c.size() + " octets received"), null));
            return;
        }
        MessageAssembly.Result result = conn.messages().assemble(content);
        String summary = server.interner.string(c.shown() + " <message: " + content.size() + " bytes in " + c.number()
                + (c.number() == 1 ? " chunk>" : " chunks>"));
        if (result.refusal() != null) {
            conn.endTransaction();
            conn.deliver(SmtpPhase.BDAT, summary, new Outcome(result.refusal(), null), false, false);
            return;
        }
        ReceivedMessage message = result.message();
        conn.messages().accept(SmtpPhase.BDAT, summary, message, result.headerProblem(), () -> {
            FaultEffect effect = server.faults.fire(conn.context(SmtpPhase.BDAT, c.line(), null, message, c.number()));
            return effect != null
                    ? effect
                    : server.faults.fire(conn.context(SmtpPhase.END_OF_DATA, "", null, message, 0));
        });
    }
}
