package dev.smtpunit.internal;

import dev.smtpunit.Mailbox;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.Transcript;
import dev.smtpunit.fault.Faults;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listening sockets of one started server and its connections, each on its own thread
 * ({@link ConnectionThreads}): plain JDK sockets, as every in-process test server uses them.
 */
public final class ServerRuntime {
    private static final long STOP_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private final ServerContext context;
    private final ConnectionThreads threads;
    private final List<Listener> listeners = new ArrayList<>(2);
    private final InetSocketAddress plainAddress;
    private final InetSocketAddress tlsAddress;

    private ServerRuntime(
            ServerContext context, ConnectionThreads threads, InetSocketAddress plain, InetSocketAddress tls) {
        this.context = context;
        this.threads = threads;
        this.plainAddress = plain;
        this.tlsAddress = tls;
    }

    /**
     * Binds the ports and starts accepting connections.
     *
     * @param options the options
     * @param mailbox where messages go
     * @param transcript where sessions are recorded
     * @param faults the fault rules
     * @param sessionIds the session counter, kept across restarts
     * @param transactions the transaction counter, kept across restarts
     * @param recorder builds and records the public value types for the engine
     * @return the running server
     * @throws UncheckedIOException when a port cannot be bound, naming address and port
     */
    public static ServerRuntime start(
            SmtpServerOptions options,
            Mailbox mailbox,
            Transcript transcript,
            Faults faults,
            AtomicInteger sessionIds,
            AtomicInteger transactions,
            Recorder recorder) {
        TlsMaterial tls = options.tlsEnabled() ? TlsMaterial.of(options) : null;
        ServerContext ctx =
                new ServerContext(options, mailbox, transcript, faults, tls, sessionIds, transactions, recorder);
        List<Listener> bound = new ArrayList<>(2);
        ConnectionThreads threads = new ConnectionThreads();
        try {
            Listener plain =
                    Listener.bind(ctx, threads, new InetSocketAddress(options.bindAddress(), options.port()), false);
            bound.add(plain);
            threads.serverName(plain.name());
            Listener secure = null;
            if (options.implicitTls()) {
                secure = Listener.bind(
                        ctx, threads, new InetSocketAddress(options.bindAddress(), options.implicitTlsPort()), true);
                bound.add(secure);
            }
            ServerRuntime runtime =
                    new ServerRuntime(ctx, threads, plain.address(), secure == null ? null : secure.address());
            runtime.listeners.addAll(bound);
            return runtime;
        } catch (RuntimeException e) {
            for (Listener l : bound) {
                l.close();
            }
            for (Listener l : bound) {
                l.join(System.nanoTime() + STOP_DEADLINE_NANOS);
            }
            threads.stop(System.nanoTime() + STOP_DEADLINE_NANOS);
            throw e;
        }
    }

    /** {@return the bound plain SMTP address} */
    public InetSocketAddress plainAddress() {
        return plainAddress;
    }

    /** {@return the bound SMTPS address, or null} */
    public InetSocketAddress tlsAddress() {
        return tlsAddress;
    }

    /** {@return the certificate chain the server presents, or an empty list without TLS} */
    public List<X509Certificate> certificateChain() {
        return context.tls == null ? List.of() : context.tls.chain();
    }

    /**
     * Closes the listening sockets (the ports are free when this returns) and every open connection,
     * and waits up to two seconds for their threads to end.
     */
    public void stop() {
        context.stopping = true;
        long deadline = System.nanoTime() + STOP_DEADLINE_NANOS;
        for (Listener l : listeners) {
            l.close();
        }
        for (Listener l : listeners) {
            l.join(deadline);
        }
        context.closeConnections(deadline);
        threads.stop(deadline);
        context.watchdog.stop(deadline);
    }
}
