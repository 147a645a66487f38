package dev.smtpunit.internal;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Recipient;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpReply;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TlsInfo;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.fault.FaultContext;
import dev.smtpunit.fault.FaultEffect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Future;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSessionImpl;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.StartTlsResponse;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.SMTPSessionImpl;

import javax.net.ssl.SSLSession;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One SMTP connection: frames the input into CRLF lines itself (strictly), runs commands through
 * James' chain, reads message content with {@link DataReceiver}, applies fault rules, records the
 * transcript and writes replies, flushing once per read batch so pipelined commands cost one write.
 * Runs only on its channel's event loop.
 */
final class SmtpConnection extends ChannelInboundHandlerAdapter {
    private static final int MAX_BUFFERED_LINE = CommandChecks.MAX_AUTH_LINE + 2;
    private static final Internals.Access API = Internals.access();

    private enum Mode { COMMAND, DATA, CLOSED }

    private final ServerContext server;
    private final boolean implicitTls;
    private ChannelHandlerContext ctx;
    private SMTPSessionImpl session;
    private SessionTranscript transcript;
    private SessionInfo info;
    private ByteBuf input;
    private Mode mode = Mode.COMMAND;
    private final ArrayDeque<LineHandler<SMTPSession>> lineHandlers = new ArrayDeque<>(2);
    private DataReceiver data;
    private boolean inRead;
    private boolean flushPending;
    /** Whether the command being handled arrived before the reply to the previous one was sent. */
    private boolean pipelined;
    private boolean suspended;
    private boolean discardingLongLine;
    private boolean closingByServer;
    private boolean admitted;
    private String authenticatedUser;
    private TlsInfo tls;
    private int transactionInSession;
    private int transactionOnServer;
    private String txSender;
    private Map<String, String> txMailParameters = Map.of();
    private List<Recipient> txRecipients = new ArrayList<>(2);

    SmtpConnection(ServerContext server, boolean implicitTls) {
        this.server = server;
        this.implicitTls = implicitTls;
    }

    static SmtpConnection of(ProtocolSession session) {
        return ((ConnectionTransport) ((ProtocolSessionImpl) session).getProtocolTransport()).connection();
    }

    SmtpServerOptions options() {
        return server.options;
    }

    int sessionId() {
        return info.id();
    }

    String authenticatedUser() {
        return authenticatedUser;
    }

    boolean startTlsSupported() {
        return !implicitTls && server.tls != null && server.options.startTls() != SmtpServerOptions.StartTlsMode.OFF;
    }

    void authenticated(String user, String mechanism) {
        authenticatedUser = server.interner.string(user);
        try {
            session.setUsername(org.apache.james.core.Username.of(user));
        } catch (IllegalArgumentException e) {
            // James' Username rejects some names (several @); our own record above is what counts
            session.setUsername(org.apache.james.core.Username.of("smtpunit-user"));
        }
    }

    void pushLineHandler(LineHandler<SMTPSession> handler) {
        lineHandlers.push(handler);
    }

    void popLineHandler() {
        lineHandlers.poll();
    }

    void beginData() {
        mode = Mode.DATA;
        long hint = 0;
        String declared = txMailParameters.get("SIZE");
        if (declared != null) {
            try {
                hint = Long.parseLong(declared);
            } catch (NumberFormatException e) {
                hint = 0;
            }
        }
        data = new DataReceiver(server.options.maxMessageSize(), hint);
    }

    // ---------------------------------------------------------------- connection lifecycle

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        Integer id = ctx.channel().attr(SessionNumbering.SESSION_ID).get();
        info = new SessionInfo(id != null ? id : server.nextSessionId(), remote, "");
        transcript = API.openSession(server.transcript, info.id(), remote);
        event(TranscriptEntry.Kind.CONNECTED, "connected from " + remote.getAddress().getHostAddress() + ":" + remote.getPort()
                + (implicitTls ? " (implicit TLS)" : ""));
        session = new SMTPSessionImpl(new ConnectionTransport(this, ctx.channel()), server.configuration);
        if (implicitTls) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            ssl.handshakeFuture().addListener(f -> tlsDone(f, ssl, true));
        }
        admitted = server.admit();
        if (!admitted) {
            send(SmtpPhase.CONNECT, null, server.interner.reply(421, "4.7.0 " + server.options.hostname()
                    + " Error: too many connections, try again later"), false);
            closeAfterFlush();
            return;
        }
        applyEffect(SmtpPhase.CONNECT, null, server.faults.fire(context(SmtpPhase.CONNECT, "", null, null)),
                () -> greeting());
        flushIfNeeded();
    }

    private Outcome greeting() {
        return new Outcome(server.interner.reply(220, server.options.greeting()), null);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (mode == Mode.DATA && data != null) {
            event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, "connection lost during DATA after " + data.size()
                    + " bytes; the message was discarded");
        }
        if (server.stopping && !closingByServer) {
            event(TranscriptEntry.Kind.CLOSED_BY_SERVER, "connection closed by server (server stopped)");
        } else {
            event(closingByServer ? TranscriptEntry.Kind.CLOSED_BY_SERVER : TranscriptEntry.Kind.CLOSED_BY_CLIENT,
                    closingByServer ? "connection closed by server" : "connection closed by client");
        }
        mode = Mode.CLOSED;
        if (input != null) {
            input.release();
            input = null;
        }
        if (admitted) {
            server.release();
        }
        session.resetState();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (mode != Mode.CLOSED) {
            String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            if (!(cause instanceof java.io.IOException)) {
                event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, "connection failed: " + what);
            }
            closingByServer = !(cause instanceof java.io.IOException);
            mode = Mode.CLOSED;
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && mode != Mode.CLOSED && !suspended) {
            send(SmtpPhase.UNKNOWN, null, server.interner.reply(421, "4.4.2 " + server.options.hostname()
                    + " Error: timeout exceeded"), false);
            closeAfterFlush();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    private void tlsDone(Future<?> f, SslHandler ssl, boolean implicit) {
        if (f.isSuccess()) {
            SSLSession s = ssl.engine().getSession();
            tls = new TlsInfo(s.getProtocol(), s.getCipherSuite(), implicit);
            event(TranscriptEntry.Kind.TLS_ESTABLISHED, "TLS established: " + tls.protocol() + " " + tls.cipherSuite());
        } else if (mode != Mode.CLOSED) {
            Throwable c = f.cause();
            event(TranscriptEntry.Kind.TLS_FAILED, "TLS handshake failed: " + (c == null ? "unknown" : c.getMessage()));
        }
    }

    // ---------------------------------------------------------------- input

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (mode == Mode.CLOSED) {
            in.release();
            return;
        }
        input = input == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), input, in);
        inRead = true;
        try {
            processInput();
        } finally {
            inRead = false;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flushIfNeeded();
    }

    private void processInput() {
        while (input != null && input.isReadable() && !suspended && mode != Mode.CLOSED) {
            if (mode == Mode.DATA) {
                if (!data.consume(input)) {
                    break;
                }
                endOfData();
                continue;
            }
            int start = input.readerIndex();
            int lf = input.indexOf(start, input.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (input.readableBytes() > MAX_BUFFERED_LINE) {
                    input.skipBytes(input.readableBytes());
                    if (!discardingLongLine) {
                        discardingLongLine = true;
                        rejectLine(SmtpPhase.UNKNOWN, "(line of more than " + CommandChecks.MAX_AUTH_LINE + " octets)",
                                "5.5.2 Error: line too long");
                    }
                }
                break;
            }
            input.readerIndex(lf + 1);
            if (discardingLongLine) {
                discardingLongLine = false;
                continue;
            }
            commandLine(input, start, lf);
        }
        if (input != null && !input.isReadable()) {
            input.release();
            input = null;
        } else if (input != null) {
            input.discardSomeReadBytes();
        }
        if (!inRead) {
            flushIfNeeded();
        }
    }

    private void commandLine(ByteBuf buf, int start, int lf) {
        pipelined = flushPending;
        boolean crlf = lf > start && buf.getByte(lf - 1) == '\r';
        int end = crlf ? lf - 1 : lf;
        int length = end - start;
        String line = buf.toString(start, length, StandardCharsets.ISO_8859_1);
        boolean continuation = !lineHandlers.isEmpty();
        SmtpPhase phase = continuation ? SmtpPhase.AUTH : SmtpPhase.ofVerb(verb(line));
        String shown = continuation ? ((AuthCommand.Continuation) lineHandlers.peek()).mask(line) : mask(phase, line);
        if (!crlf) {
            violation(phase, shown, "bare <LF> received; SMTP lines must end with <CRLF> (RFC 5321 section 2.3.8)");
            return;
        }
        if (buf.indexOf(start, end, (byte) '\r') >= 0) {
            violation(phase, shown, "bare <CR> received; <CR> may only appear in <CRLF> (RFC 5321 section 2.3.8)");
            return;
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) > 0x7E || (line.charAt(i) < 0x20 && line.charAt(i) != '\t')) {
                violation(phase, shown, "8-bit or control characters in a command; SMTPUTF8 is not offered");
                return;
            }
        }
        if (!continuation && line.isBlank()) {
            rejectLine(phase, shown, "5.5.2 Syntax error: empty command line");
            return;
        }
        int max = phase == SmtpPhase.AUTH ? CommandChecks.MAX_AUTH_LINE : CommandChecks.MAX_COMMAND_LINE;
        if (length > max) {
            rejectLine(phase, shown, "5.5.2 Error: line too long (at most " + max + " octets)");
            return;
        }
        if (continuation) {
            LineHandler<SMTPSession> handler = lineHandlers.peek();
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            applyEffect(phase, shown, null, () -> james(handler.onLine(session, bytes)));
            return;
        }
        CommandArgs args = null;
        if (phase == SmtpPhase.MAIL || phase == SmtpPhase.RCPT) {
            args = CommandArgs.ofLine(line, phase == SmtpPhase.MAIL ? "FROM" : "TO");
            if (args != null) {
                String refusal = CommandChecks.checkParameters(server.options, phase, args.parameters());
                if (refusal != null) {
                    rejectLine(phase, shown, refusal, 555);
                    return;
                }
            }
        }
        if ((phase == SmtpPhase.AUTH || phase == SmtpPhase.STARTTLS)
                && session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection).isEmpty()) {
            // both are ESMTP extensions, discovered through EHLO (and after STARTTLS the EHLO is forgotten)
            rejectLine(phase, shown, "5.5.1 Error: send HELO/EHLO first", 503);
            return;
        }
        boolean inTransaction = MailTransaction.active(session);
        if (phase == SmtpPhase.MAIL && inTransaction) {
            // James would answer 503 but also drop the transaction in progress
            rejectLine(phase, shown, "5.5.1 Error: nested MAIL command", 503);
            return;
        }
        if (phase == SmtpPhase.MAIL && args != null) {
            transactionInSession++;
            transactionOnServer = server.nextTransaction();
        }
        CommandArgs parsed = args;
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        FaultEffect effect = server.faults.fire(context(phase, line, parsed, null));
        applyEffect(phase, shown, effect, () -> afterCommand(phase, line, parsed, ProtocolChain.dispatcher().onLine(session, bytes)));
    }

    private static String verb(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    private String mask(SmtpPhase phase, String line) {
        if (phase == SmtpPhase.AUTH) {
            String[] parts = line.split(" +");
            if (parts.length >= 3 && parts[1].equalsIgnoreCase("PLAIN")) {
                return parts[0] + " " + parts[1] + " *** (masked)";
            }
        }
        return server.interner.string(line);
    }

    private void violation(SmtpPhase phase, String shown, String why) {
        event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, why);
        rejectLine(phase, shown, "5.5.2 Syntax error: " + why);
    }

    private void rejectLine(SmtpPhase phase, String shown, String text) {
        rejectLine(phase, shown, text, 500);
    }

    private void rejectLine(SmtpPhase phase, String shown, String text, int code) {
        send(phase, shown, server.interner.reply(code, text), false);
    }

    // ---------------------------------------------------------------- commands and replies

    /** What a command produced: the reply to send and James' response (for STARTTLS and closing). */
    private record Outcome(Interner.WireReply reply, Response response) {}

    private Outcome james(Response response) {
        if (response == null) {
            return null;
        }
        if (response.getLines().isEmpty()) {
            return new Outcome(null, response);
        }
        return new Outcome(server.interner.reply(response), response);
    }

    private Outcome afterCommand(SmtpPhase phase, String line, CommandArgs args, Response response) {
        Outcome outcome = james(response);
        if (outcome == null || outcome.reply() == null) {
            return outcome;
        }
        int code = outcome.reply().reply().code();
        switch (phase) {
            case EHLO:
            case HELO:
                if (code == 250) {
                    resetTransaction();
                    info = info.withHeloName(server.interner.string(argument(line)));
                    SmtpReply adjusted = Extensions.adjust(outcome.reply().reply(), server.options,
                            server.options.hostname() + " Hello " + info.heloName() + " ["
                                    + info.clientAddress().getAddress().getHostAddress() + "]");
                    outcome = new Outcome(server.interner.reply(adjusted), response);
                }
                break;
            case MAIL:
                if (code == 250 && args != null) {
                    txSender = server.interner.string(args.path());
                    txMailParameters = args.parameters();
                }
                break;
            case RCPT:
                if (code == 250 && args != null) {
                    txRecipients.add(new Recipient(server.interner.string(args.path()), args.parameters()));
                }
                break;
            case RSET:
                resetTransaction();
                break;
            default:
                break;
        }
        return outcome;
    }

    private static String argument(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1).strip();
    }

    private void resetTransaction() {
        txSender = null;
        txMailParameters = Map.of();
        if (!txRecipients.isEmpty()) {
            txRecipients = new ArrayList<>(2);
        }
    }

    /** Applies a fault effect around the normal handling of a command, then sends what results. */
    private void applyEffect(SmtpPhase phase, String shown, FaultEffect effect, Supplier<Outcome> normal) {
        if (effect == null || effect instanceof FaultEffect.Proceed) {
            deliver(phase, shown, normal.get(), false, false);
        } else if (effect instanceof FaultEffect.Reply r) {
            Outcome outcome = r.reply().isPositive() ? normal.get() : null;
            Response response = outcome == null ? null : outcome.response();
            deliver(phase, shown, new Outcome(server.interner.reply(r.reply()), response), true, r.closeAfter());
        } else if (effect instanceof FaultEffect.Close || effect instanceof FaultEffect.StoreThenDrop) {
            if (effect instanceof FaultEffect.StoreThenDrop) {
                normal.get();
            }
            API.record(transcript, new TranscriptEntry.Exchange(now(), phase, shown, null, true, pipelined));
            if (effect instanceof FaultEffect.StoreThenDrop) {
                event(TranscriptEntry.Kind.FAULT, "message stored; connection dropped before the reply was sent");
            }
            closeNow();
        } else if (effect instanceof FaultEffect.Delay d) {
            event(TranscriptEntry.Kind.FAULT, "delaying the reply to " + phase + " by " + d.delay().toMillis() + " ms");
            suspend();
            ctx.executor().schedule(() -> {
                if (mode == Mode.CLOSED) {
                    return;
                }
                suspended = false;
                applyEffect(phase, shown, d.reply() == null ? null : new FaultEffect.Reply(d.reply(), false), normal);
                processInput();
                flushIfNeeded();
            }, d.delay().toNanos(), TimeUnit.NANOSECONDS);
        } else if (effect instanceof FaultEffect.Stall) {
            API.record(transcript, new TranscriptEntry.Exchange(now(), phase, shown, null, true, pipelined));
            event(TranscriptEntry.Kind.FAULT, "stalling: no reply to " + phase + " will be sent");
            suspend();
        } else if (effect instanceof FaultEffect.Trickle t) {
            Outcome outcome = t.reply() == null ? normal.get() : new Outcome(server.interner.reply(t.reply()),
                    t.reply().isPositive() ? Optional.ofNullable(normal.get()).map(Outcome::response).orElse(null) : null);
            if (outcome == null || outcome.reply() == null) {
                deliver(phase, shown, outcome, false, false);
                return;
            }
            API.record(transcript, new TranscriptEntry.Exchange(now(), phase, shown, outcome.reply().reply(), true, pipelined));
            event(TranscriptEntry.Kind.FAULT, "trickling the reply to " + phase + " one byte every "
                    + t.perByte().toMillis() + " ms");
            suspend();
            trickle(outcome, 0, t.perByte().toNanos());
        }
    }

    private void suspend() {
        suspended = true;
        flushIfNeeded();
    }

    private void trickle(Outcome outcome, int index, long pauseNanos) {
        ctx.executor().schedule(() -> {
            if (mode == Mode.CLOSED) {
                return;
            }
            byte[] wire = outcome.reply().wire();
            ctx.writeAndFlush(Unpooled.wrappedBuffer(wire, index, 1));
            if (index + 1 < wire.length) {
                trickle(outcome, index + 1, pauseNanos);
                return;
            }
            suspended = false;
            afterReply(outcome.response(), false);
            processInput();
            flushIfNeeded();
        }, pauseNanos, TimeUnit.NANOSECONDS);
    }

    private void deliver(SmtpPhase phase, String shown, Outcome outcome, boolean injected, boolean closeAfter) {
        if (outcome == null) {
            return;
        }
        if (outcome.reply() == null) {
            API.record(transcript, new TranscriptEntry.Exchange(now(), phase, shown, null, injected, pipelined));
            closeAfterFlush();
            return;
        }
        send(phase, shown, outcome.reply(), injected);
        afterReply(outcome.response(), closeAfter);
    }

    private void afterReply(Response response, boolean closeAfter) {
        if (response instanceof StartTlsResponse && startTlsSupported()) {
            startTls();
        }
        if (closeAfter || (response != null && response.isEndSession())) {
            closeAfterFlush();
        }
    }

    private void send(SmtpPhase phase, String shown, Interner.WireReply reply, boolean injected) {
        API.record(transcript, new TranscriptEntry.Exchange(now(), phase, shown, reply.reply(), injected, pipelined));
        ctx.write(Unpooled.wrappedBuffer(reply.wire()));
        flushPending = true;
        if (!inRead) {
            flushIfNeeded();
        }
    }

    /** A reply James wrote by itself rather than returning it. */
    void writeUnsolicited(Response response) {
        Outcome outcome = james(response);
        deliver(SmtpPhase.UNKNOWN, null, outcome, false, false);
    }

    private void flushIfNeeded() {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
    }

    private void closeAfterFlush() {
        if (mode == Mode.CLOSED) {
            return;
        }
        closingByServer = true;
        mode = Mode.CLOSED;
        flushPending = false;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void closeNow() {
        closingByServer = true;
        mode = Mode.CLOSED;
        flushIfNeeded();
        ctx.close();
    }

    private void startTls() {
        flushIfNeeded();
        ctx.pipeline().addFirst("tls", server.tls.newHandler(ctx.alloc()));
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        ssl.handshakeFuture().addListener(f -> tlsDone(f, ssl, false));
        if (input != null && input.isReadable()) {
            int discarded = input.readableBytes();
            input.skipBytes(discarded);
            event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, "discarded " + discarded + " bytes of plaintext sent after STARTTLS"
                    + " before the TLS handshake (RFC 3207 section 4.2: possible command injection)");
        }
        // RFC 3207 section 4.2: forget everything learnt from the client, EHLO included
        session.getConnectionState().clear();
        session.resetState();
        resetTransaction();
        info = info.withHeloName("");
    }

    // ---------------------------------------------------------------- end of data

    private void endOfData() {
        mode = Mode.COMMAND;
        pipelined = false;
        DataReceiver received = data;
        data = null;
        // shared between transactions: suites often send the same template mail many times
        String summary = server.interner.string("<message: " + received.size() + " bytes, " + received.lines() + " lines>");
        if (received.bareLf() || received.bareCr()) {
            String why = received.bareLf() ? "bare <LF>" : "bare <CR>";
            event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, why + " in message content; the message was refused"
                    + " (RFC 5321 section 2.3.8; SMTP smuggling defence)");
            finishTransaction(summary, server.interner.reply(554, "5.6.0 Message refused: " + why
                    + " in content; lines must end with <CRLF> (RFC 5321 section 2.3.8)"));
            return;
        }
        if (received.tooBig()) {
            finishTransaction(summary, server.interner.reply(552, "5.3.4 Message size exceeds fixed maximum message size of "
                    + server.options.maxMessageSize() + " bytes"));
            return;
        }
        ReceivedMessage message = API.message(API.envelope(info, txSender == null ? "" : txSender, txMailParameters,
                List.copyOf(txRecipients), authenticatedUser, tls, transactionInSession, System.currentTimeMillis()),
                received.content());
        FaultEffect effect = server.faults.fire(context(SmtpPhase.END_OF_DATA, "", null, message));
        session.resetState();
        resetTransaction();
        applyEffect(SmtpPhase.END_OF_DATA, summary, effect, () -> {
            API.store(server.mailbox, message);
            return new Outcome(server.interner.reply(250, "2.0.0 Ok: message accepted"), null);
        });
    }

    private void finishTransaction(String summary, Interner.WireReply reply) {
        session.resetState();
        resetTransaction();
        send(SmtpPhase.END_OF_DATA, summary, reply, false);
    }

    // ---------------------------------------------------------------- helpers

    private FaultContext context(SmtpPhase phase, String line, CommandArgs args, ReceivedMessage message) {
        return new FaultContext(phase, line, args == null ? "" : args.path(), args == null ? Map.of() : args.parameters(),
                info.id(), transactionInSession, transactionOnServer, tls != null || (session != null && session.isTLSStarted()),
                Optional.ofNullable(authenticatedUser), Optional.ofNullable(message));
    }

    private void event(TranscriptEntry.Kind kind, String detail) {
        API.record(transcript, new TranscriptEntry.Event(now(), kind, detail));
    }

    private static long now() {
        return System.currentTimeMillis();
    }

}
