package dev.smtpunit.internal;

import dev.smtpunit.Mailbox;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.Transcript;
import dev.smtpunit.fault.Faults;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The listening sockets of one started server, on the JVM's shared event loops. */
public final class ServerRuntime {
    private final ServerContext context;
    private final List<Listener> listeners = new ArrayList<>(2);

    /** A listening Netty channel and the JDK channel under it, which we close ourselves. */
    private record Listener(Channel channel, ServerSocketChannel socket) {}
    private final InetSocketAddress plainAddress;
    private final InetSocketAddress tlsAddress;

    private ServerRuntime(ServerContext context, InetSocketAddress plain, InetSocketAddress tls) {
        this.context = context;
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
     * @return the running server
     * @throws UncheckedIOException when a port cannot be bound, naming address and port
     */
    public static ServerRuntime start(SmtpServerOptions options, Mailbox mailbox, Transcript transcript, Faults faults,
            AtomicInteger sessionIds, AtomicInteger transactions) {
        Warmup.begin();
        TlsMaterial tls = options.tlsEnabled() ? TlsMaterial.of(options) : null;
        ServerContext ctx = new ServerContext(options, mailbox, transcript, faults, tls, sessionIds, transactions);
        List<Listener> bound = new ArrayList<>(2);
        try {
            Listener plain = bind(ctx, new InetSocketAddress(options.bindAddress(), options.port()), false);
            bound.add(plain);
            Listener secure = null;
            if (options.implicitTls()) {
                secure = bind(ctx, new InetSocketAddress(options.bindAddress(), options.implicitTlsPort()), true);
                bound.add(secure);
            }
            ServerRuntime runtime = new ServerRuntime(ctx, (InetSocketAddress) plain.channel().localAddress(),
                    secure == null ? null : (InetSocketAddress) secure.channel().localAddress());
            runtime.listeners.addAll(bound);
            return runtime;
        } catch (RuntimeException e) {
            for (Listener l : bound) {
                close(l);
            }
            throw e;
        }
    }

    private static Listener bind(ServerContext ctx, InetSocketAddress address, boolean implicitTls) {
        long idleMillis = ctx.options.idleTimeout().toMillis();
        ServerSocketChannel socket;
        try {
            socket = ServerSocketChannel.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a server socket: " + e.getMessage(), e);
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(EventLoops.group())
                .channelFactory(() -> new NioServerSocketChannel(socket))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .handler(new SessionNumbering(ctx))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ctx.connections.add(ch);
                        if (implicitTls) {
                            ch.pipeline().addLast("tls", ctx.tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
                        ch.pipeline().addLast("smtp", new SmtpConnection(ctx, implicitTls));
                    }
                });
        ChannelFuture f = bootstrap.bind(address).awaitUninterruptibly();
        if (!f.isSuccess()) {
            f.channel().close().awaitUninterruptibly();
            closeQuietly(socket);
            Throwable cause = f.cause();
            String where = address.getAddress().getHostAddress() + ":" + address.getPort();
            if (cause instanceof BindException) {
                throw new UncheckedIOException("Cannot start the SMTP server: " + where + " is already in use ("
                        + cause.getMessage() + "); use port 0 for a free port", (BindException) cause);
            }
            throw new IllegalStateException("Cannot start the SMTP server on " + where + ": " + cause, cause);
        }
        return new Listener(f.channel(), socket);
    }

    /**
     * Closes a listening socket so that its port is free on return. The JDK defers the real close of
     * a channel registered with a selector until that selector's next select, so a plain Netty close
     * can return while the port is still bound: deregister first, wait for the selector to let go,
     * then close the socket directly.
     */
    private static void close(Listener l) {
        l.channel().deregister().awaitUninterruptibly(2, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (l.socket().isRegistered() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        closeQuietly(l.socket());
        l.channel().close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    private static void closeQuietly(ServerSocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** @return the bound plain SMTP address */
    public InetSocketAddress plainAddress() {
        return plainAddress;
    }

    /** @return the bound SMTPS address, or null */
    public InetSocketAddress tlsAddress() {
        return tlsAddress;
    }

    /** @return the certificate chain the server presents, or an empty list without TLS */
    public List<X509Certificate> certificateChain() {
        return context.tls == null ? List.of() : context.tls.chain();
    }

    /** Closes the listening sockets (the ports are free when this returns) and every connection. */
    public void stop() {
        for (Listener l : listeners) {
            close(l);
        }
        context.stopping = true;
        context.connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
