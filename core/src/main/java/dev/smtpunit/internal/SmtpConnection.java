package dev.smtpunit.internal;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.fault.FaultContext;
import dev.smtpunit.fault.FaultEffect;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSessionImpl;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.StartTlsResponse;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One SMTP connection on its own thread: reads into {@link Wire}, frames command lines itself
 * (strictly: CRLF only), runs them through James' command chain, hands message content to
 * {@link DataReceiver}, and writes replies, which {@link Wire} sends together once the client has
 * nothing more pending. What stays here is the thread, the loop, the mode dispatch and the TLS
 * layering; replies are sent and recorded by {@link ReplyWriter}, what the client said and proved is
 * kept in {@link SessionState}, command lines go through {@link Commands}, the transaction lives in
 * {@link Transaction}, fault effects are played by {@link FaultPlayer}, TLS is layered by
 * {@link TlsUpgrade}, and the session-order rules are in {@link SessionPolicy}.
 */
final class SmtpConnection implements Runnable {
    private static final int MAX_BUFFERED_LINE = CommandChecks.MAX_AUTH_LINE + 2;

    private enum Mode {
        COMMAND,
        DATA,
        CHUNK,
        CLOSED
    }

    private final ServerContext server;
    private final boolean implicitTls;
    private final int id;
    private final Wire wire;
    private final SessionTranscript transcript;
    private final Utf8Session session;
    private final FaultPlayer faults;
    private final ReplyWriter replies;
    private final Transaction transaction = new Transaction();
    private final ArrayDeque<LineHandler<SMTPSession>> lineHandlers = new ArrayDeque<>(2);
    /** The thread running the connection, while it runs. */
    private volatile Thread thread;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final SessionState state;
    private volatile Mode mode = Mode.COMMAND;
    private boolean stalled;
    private boolean discardingLongLine;
    private boolean closingByServer;
    private PathSyntax.Result parsedPath;
    private final ChunkTransfer chunks;
    private final MessageAssembly messages;
    private final Commands commands;

    /**
     * Called on the accepting thread, so that sessions are numbered and recorded in accept order.
     *
     * @param server what the server's connections share
     * @param socket the accepted socket
     * @param id the session number
     * @param implicitTls whether the listener is SMTPS
     * @throws IOException when the socket is already closed
     */
    SmtpConnection(ServerContext server, Socket socket, int id, boolean implicitTls) throws IOException {
        this.server = server;
        this.implicitTls = implicitTls;
        this.wire = new Wire(socket, server.options.idleTimeout().toNanos());
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.id = id;
        this.state = new SessionState(
                server.options, server.interner, implicitTls, new SessionInfo(id, remote, ""), transaction);
        this.transcript = server.recorder.openSession(server.transcript, id, remote);
        this.replies = new ReplyWriter(wire, server.recorder, transcript, server.interner);
        replies.event(
                TranscriptEntry.Kind.CONNECTED,
                "connected from " + remote.getAddress().getHostAddress() + ":" + remote.getPort()
                        + (implicitTls ? " (implicit TLS)" : ""));
        this.session = new Utf8Session(new ConnectionTransport(this, socket), server.configuration, transaction);
        state.attach(session);
        this.faults = new FaultPlayer(this, replies, server.interner);
        this.messages =
                new MessageAssembly(server, transcript, replies, state, transaction, faults, this::endTransaction);
        this.chunks = new ChunkTransfer(this, server, replies);
        this.commands = new Commands(this, server, replies, state);
    }

    static SmtpConnection of(ProtocolSession session) {
        return ((ConnectionTransport) ((ProtocolSessionImpl) session).getProtocolTransport()).connection();
    }

    /**
     * Runs the connection on a thread of its own, named after the server and the session.
     *
     * @param threads the server's connection threads
     * @param name the thread's name
     */
    void start(ConnectionThreads threads, String name) {
        try {
            threads.run(this, name);
        } catch (RejectedExecutionException e) {
            // the server is stopping: the connection never runs
            finished.countDown();
            throw e;
        }
    }

    /**
     * Refuses the connection on the accepting thread, without a thread of its own and without taking
     * a slot: {@code 421} on the plain port (a fresh socket's send buffer takes it without blocking),
     * and on the SMTPS port a close before any handshake (a TLS client cannot read a plaintext reply).
     */
    void refuse() {
        mode = Mode.CLOSED;
        String why = "too many connections (maxConnections " + server.options.maxConnections() + ")";
        if (implicitTls) {
            replies.event(TranscriptEntry.Kind.CLOSED_BY_SERVER, "connection refused before the TLS handshake: " + why);
            wire.abort();
            return;
        }
        replies.send(
                SmtpPhase.CONNECT,
                null,
                server.interner.reply(
                        421, "4.7.0 " + server.options.hostname() + " Error: too many connections, try again later"),
                false);
        try {
            wire.flush();
        } catch (UncheckedIOException e) {
            // the client is gone already
        }
        wire.abort();
        replies.event(TranscriptEntry.Kind.CLOSED_BY_SERVER, "connection refused: " + why);
    }

    /** Ends the connection from another thread (the server stops): its blocked read or pause ends at once. */
    void abort() {
        wire.abort();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} to give up at
     * @return whether the connection has ended (its thread then ends with the server's, {@link ConnectionThreads#stop})
     */
    boolean join(long deadlineNanos) {
        try {
            return finished.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished.getCount() == 0;
        }
    }

    // ---------------------------------------------------------------- what James and the policy see

    SmtpServerOptions options() {
        return server.options;
    }

    int sessionId() {
        return id;
    }

    /** {@return what the client has said and proved: the session rules' view} */
    SessionState state() {
        return state;
    }

    boolean tlsActive() {
        return state.tlsActive();
    }

    boolean inTransaction() {
        return transaction.active();
    }

    boolean startTlsSupported() {
        return state.startTlsSupported();
    }

    void authenticated(String user, AuthMechanism mechanism) {
        state.authenticated(user, mechanism);
    }

    void pushLineHandler(LineHandler<SMTPSession> handler) {
        lineHandlers.push(handler);
    }

    void popLineHandler() {
        lineHandlers.poll();
    }

    void beginData() {
        mode = Mode.DATA;
        transaction.beginContent(server.options.maxMessageSize());
    }

    Wire wire() {
        return wire;
    }

    Transaction transaction() {
        return transaction;
    }

    Interner interner() {
        return server.interner;
    }

    FaultPlayer faults() {
        return faults;
    }

    int recipientCount() {
        return transaction.recipientCount();
    }

    /**
     * @param path the strict parse of the MAIL or RCPT line about to be dispatched, or null for
     *     another command (MAIL and RCPT then parse the line themselves)
     */
    void parsedPath(PathSyntax.Result path) {
        parsedPath = path;
    }

    /** {@return the strict parse of the MAIL or RCPT line being handled, or null} */
    PathSyntax.Result parsedPath() {
        return parsedPath;
    }

    SMTPSession session() {
        return session;
    }

    LineHandler<SMTPSession> lineHandler() {
        return lineHandlers.peek();
    }

    /** BDAT was accepted for reading: what follows is its chunk. */
    void readChunk() {
        mode = Mode.CHUNK;
    }

    /** The chunk is read: what follows are commands again (unless its reply closes the connection). */
    void chunkRead() {
        mode = Mode.COMMAND;
    }

    MessageAssembly messages() {
        return messages;
    }

    ChunkTransfer chunks() {
        return chunks;
    }

    // ---------------------------------------------------------------- the connection loop

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            open();
            loop();
        } catch (IOException | UncheckedIOException e) {
            // the client went away, the server stopped, or TLS failed (recorded where it happened)
        } catch (RuntimeException | LinkageError e) {
            if (mode != Mode.CLOSED) {
                replies.event(
                        TranscriptEntry.Kind.PROTOCOL_VIOLATION,
                        "connection failed: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                closingByServer = true;
            }
        } finally {
            try {
                finish();
            } finally {
                thread = null;
                finished.countDown();
            }
        }
    }

    private void open() throws IOException {
        long idle = server.options.idleTimeout().toMillis();
        wire.readTimeout((int) Math.min(Integer.MAX_VALUE, idle));
        if (implicitTls) {
            handshake(true);
        }
        if (!server.options.greetingDelay().isZero()) {
            pause(server.options.greetingDelay().toNanos());
        }
        faults.play(
                SmtpPhase.CONNECT,
                null,
                fire(SmtpPhase.CONNECT, "", null, null),
                () -> new Outcome(server.interner.reply(220, server.options.greeting()), null));
    }

    private void loop() throws IOException {
        LineDeadline lines = LineDeadline.of(server.options);
        while (mode != Mode.CLOSED) {
            if (stalled) {
                wire.consumeAll();
            } else {
                processInput();
                if (mode == Mode.CLOSED) {
                    return;
                }
            }
            try {
                if (lines != null) {
                    int timeout = lines.readTimeout(System.nanoTime(), stalled || mode == Mode.CHUNK);
                    if (timeout < 0) {
                        throw new SocketTimeoutException("line deadline");
                    }
                    wire.readTimeout(timeout);
                }
                if (!wire.fill()) {
                    return;
                }
                if (lines != null) {
                    lines.received(wire.buffer(), wire.lastFill(), wire.tail(), mode == Mode.CHUNK, System.nanoTime());
                }
            } catch (SocketTimeoutException e) {
                if (!stalled) {
                    if (lines != null && lines.overdue(System.nanoTime())) {
                        replies.event(
                                TranscriptEntry.Kind.PROTOCOL_VIOLATION,
                                "a line took longer than the line deadline of " + lines + " to arrive; closing");
                    }
                    replies.send(
                            SmtpPhase.UNKNOWN,
                            null,
                            server.interner.reply(
                                    421, "4.4.2 " + server.options.hostname() + " Error: timeout exceeded"),
                            false);
                    closeNow();
                }
            }
        }
    }

    private void finish() {
        Mode last = mode;
        mode = Mode.CLOSED;
        if (last == Mode.DATA && transaction.content() != null) {
            replies.event(
                    TranscriptEntry.Kind.PROTOCOL_VIOLATION,
                    "connection lost during DATA after " + transaction.content().size()
                            + " bytes; the message was discarded");
        } else if (last == Mode.CHUNK) {
            replies.event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, chunks.cutShort());
        }
        if (closingByServer) {
            try {
                wire.flush();
            } catch (UncheckedIOException e) {
                // the client is gone already
            }
        }
        wire.close();
        // the slot is free before the close is recorded: whoever sees the session closed can connect again
        server.release();
        Wire.Guard expired = wire.expired();
        if (expired != null) {
            replies.event(
                    TranscriptEntry.Kind.CLOSED_BY_SERVER,
                    expired == Wire.Guard.WRITE
                            ? "connection closed by server: a reply could not be written within the idle timeout of "
                                    + seconds(server.options.idleTimeout()) + " (the client does not read)"
                            : "connection closed by server: the TLS handshake was not complete within "
                                    + seconds(server.options.tlsHandshakeTimeout()));
        } else if (server.stopping && !closingByServer) {
            replies.event(TranscriptEntry.Kind.CLOSED_BY_SERVER, "connection closed by server (server stopped)");
        } else {
            replies.event(
                    closingByServer ? TranscriptEntry.Kind.CLOSED_BY_SERVER : TranscriptEntry.Kind.CLOSED_BY_CLIENT,
                    closingByServer ? "connection closed by server" : "connection closed by client");
        }
        session.resetState();
        server.closed(this);
    }

    private void handshake(boolean implicit) throws IOException {
        try {
            state.tlsEstablished(TlsUpgrade.handshake(wire, server.tls, implicit, server.options));
        } catch (IOException e) {
            if (wire.expired() == Wire.Guard.HANDSHAKE || e instanceof SocketTimeoutException) {
                replies.event(
                        TranscriptEntry.Kind.TLS_FAILED,
                        "TLS handshake failed: not complete within " + seconds(server.options.tlsHandshakeTimeout()));
            } else if (!server.stopping) {
                replies.event(TranscriptEntry.Kind.TLS_FAILED, TlsUpgrade.describe(e));
            }
            throw e;
        }
        replies.event(
                TranscriptEntry.Kind.TLS_ESTABLISHED,
                "TLS established: " + state.tls().protocol() + " " + state.tls().cipherSuite());
    }

    /** STARTTLS was answered with 220: layer TLS and forget what the session learnt (RFC 3207 section 4.2). */
    private void startTls() {
        try {
            int discarded = TlsUpgrade.discardPlaintext(wire);
            if (discarded > 0) {
                replies.event(
                        TranscriptEntry.Kind.PROTOCOL_VIOLATION,
                        "discarded " + discarded + " bytes of plaintext sent after"
                                + " STARTTLS before the TLS handshake (RFC 3207 section 4.2: possible command injection)");
            }
            handshake(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        session.getConnectionState().clear();
        session.resetState();
        transaction.reset();
        state.forgetGreeting();
    }

    // ---------------------------------------------------------------- input

    private void processInput() {
        Wire w = wire;
        while (w.readable() > 0 && !stalled && mode != Mode.CLOSED) {
            if (mode == Mode.CHUNK) {
                chunks.consume(w);
                continue;
            }
            if (mode == Mode.DATA) {
                if (!transaction.content().consume(w)) {
                    break;
                }
                endOfData();
                continue;
            }
            int start = w.head();
            int lf = w.indexOf(start, (byte) '\n');
            if (lf < 0) {
                if (w.readable() > MAX_BUFFERED_LINE) {
                    w.consumeAll();
                    if (!discardingLongLine) {
                        discardingLongLine = true;
                        replies.answeringChallenge(!lineHandlers.isEmpty());
                        rejectLine(
                                SmtpPhase.UNKNOWN,
                                "(line of more than " + CommandChecks.MAX_AUTH_LINE + " octets)",
                                "5.5.2 Error: line too long");
                    }
                }
                break;
            }
            w.consumeTo(lf + 1);
            if (discardingLongLine) {
                discardingLongLine = false;
                continue;
            }
            commands.line(w.buffer(), start, lf);
        }
    }

    void rejectLine(SmtpPhase phase, String shown, String text) {
        rejectLine(phase, shown, text, 500);
    }

    void rejectLine(SmtpPhase phase, String shown, String text, int code) {
        // a refused line ends an AUTH exchange in progress (RFC 4954: a 5xx reply ends it for the client too)
        lineHandlers.clear();
        replies.send(phase, shown, server.interner.reply(code, text), false);
    }

    /**
     * Sends a reply of the server's own (not a fault's).
     *
     * @param phase the phase
     * @param shown the client line as recorded
     * @param code the code
     * @param text the text after the code
     */
    void reply(SmtpPhase phase, String shown, int code, String text) {
        rejectLine(phase, shown, text, code);
    }

    // ---------------------------------------------------------------- commands and replies

    /**
     * @param response James' response, or null
     * @return it as an outcome, or null
     */
    Outcome james(Response response) {
        return replies.james(response);
    }

    /**
     * Sends what a command produced and acts on it (STARTTLS, end of session).
     *
     * @param phase the phase
     * @param shown the client line as recorded
     * @param outcome what the command produced, or null when nothing is to be sent yet
     * @param injected whether a fault rule supplied the reply
     * @param closeAfter whether to close once the reply is out
     */
    void deliver(SmtpPhase phase, String shown, Outcome outcome, boolean injected, boolean closeAfter) {
        if (outcome == null) {
            return;
        }
        if (outcome.reply() == null) {
            replies.record(phase, shown, null, injected);
            closeNow();
            return;
        }
        replies.send(phase, shown, outcome.reply(), injected);
        afterReply(outcome.response(), closeAfter);
    }

    void afterReply(Response response, boolean closeAfter) {
        if (response instanceof StartTlsResponse && startTlsSupported() && mode != Mode.CLOSED) {
            startTls();
        }
        if (closeAfter || (response != null && response.isEndSession())) {
            closeNow();
        }
    }

    /** A reply James wrote by itself rather than returning it. */
    void writeUnsolicited(Response response) {
        deliver(SmtpPhase.UNKNOWN, null, james(response), false, false);
    }

    /** Ends the connection once what is queued has been written. */
    void closeNow() {
        closingByServer = true;
        mode = Mode.CLOSED;
    }

    /** Answers nothing more; what the client sends is read and dropped until it gives up. */
    void stall() {
        wire.flush();
        stalled = true;
    }

    /**
     * Waits on this connection's thread, with replies so far written first.
     *
     * @param nanos how long
     */
    void pause(long nanos) {
        wire.flush();
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted() || mode == Mode.CLOSED) {
                throw new UncheckedIOException(new InterruptedIOException("connection closed while pausing"));
            }
        }
    }

    // ---------------------------------------------------------------- end of a message

    private void endOfData() {
        mode = Mode.COMMAND;
        replies.pipelined(false);
        MessageAssembly.Result result = messages.assemble(transaction.content());
        if (result.refusal() != null) {
            endTransaction();
            replies.send(SmtpPhase.END_OF_DATA, result.summary(), result.refusal(), false);
            return;
        }
        ReceivedMessage message = result.message();
        messages.accept(
                SmtpPhase.END_OF_DATA,
                result.summary(),
                message,
                result.headerProblem(),
                () -> fire(SmtpPhase.END_OF_DATA, "", null, message));
    }

    /** Ends the mail transaction, in James' view and ours. */
    void endTransaction() {
        session.resetState();
        transaction.reset();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * @param phase the phase
     * @param line the client line
     * @param args its MAIL or RCPT arguments, or null
     * @param message the message, or null
     * @return the effect of the first fault rule that fires, or null (without building a context when there are no rules)
     */
    FaultEffect fire(SmtpPhase phase, String line, CommandArgs args, ReceivedMessage message) {
        return server.faults.isEmpty() ? null : server.faults.fire(context(phase, line, args, message));
    }

    FaultContext context(SmtpPhase phase, String line, CommandArgs args, ReceivedMessage message) {
        return context(phase, line, args, message, 0);
    }

    FaultContext context(SmtpPhase phase, String line, CommandArgs args, ReceivedMessage message, int chunkNumber) {
        return new FaultContext(
                phase,
                line,
                args == null ? "" : args.path(),
                args == null ? Map.of() : args.parameters(),
                id,
                transaction.inSession(),
                transaction.onServer(),
                state.tlsActive(),
                Optional.ofNullable(state.authenticatedUser()),
                Optional.ofNullable(message),
                chunkNumber);
    }

    /** {@return the duration as the transcript shows it: {@code 60 s}, {@code 250 ms}} */
    static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
