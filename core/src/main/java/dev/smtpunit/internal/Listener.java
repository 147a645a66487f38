package dev.smtpunit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One listening socket and its accept loop. Sessions are numbered here, in the order connections are
 * accepted; the thread that accepts a connection hands accepting to another and serves the connection
 * itself ({@link ConnectionThreads}), named after the server and session while it does.
 */
final class Listener implements Runnable {
    private final ServerContext server;
    private final ConnectionThreads threads;
    private final ServerSocket socket;
    private final boolean implicitTls;
    private final String name;
    /** Counted down when the accept loop has seen the socket closed: every accepted connection is registered. */
    private final CountDownLatch ended = new CountDownLatch(1);

    private Listener(ServerContext server, ConnectionThreads threads, ServerSocket socket, boolean implicitTls) {
        this.server = server;
        this.threads = threads;
        this.socket = socket;
        this.implicitTls = implicitTls;
        InetSocketAddress bound = address();
        this.name = "smtpunit " + bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    /**
     * Binds and starts accepting.
     *
     * @param server what the server's connections share
     * @param threads the server's connection threads
     * @param address where to listen
     * @param implicitTls whether connections speak TLS from their first byte
     * @return the listener
     * @throws UncheckedIOException when the port is in use, naming address and port
     */
    static Listener bind(
            ServerContext server, ConnectionThreads threads, InetSocketAddress address, boolean implicitTls) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(address, 1024);
        } catch (IOException e) {
            closeQuietly(socket);
            String where = address.getAddress().getHostAddress() + ":" + address.getPort();
            if (e instanceof BindException) {
                throw new UncheckedIOException(
                        "Cannot start the SMTP server: " + where + " is already in use (" + e.getMessage()
                                + "); use port 0 for a free port",
                        e);
            }
            throw new UncheckedIOException("Cannot start the SMTP server on " + where + ": " + e.getMessage(), e);
        }
        Listener listener = new Listener(server, threads, socket, implicitTls);
        threads.accept(listener, listener.name + " accept");
        return listener;
    }

    /** {@return the server's name in thread names, such as {@code smtpunit 127.0.0.1:40123}} */
    String name() {
        return name;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Accepts until this thread has served a connection (another accepts by then) or the socket has closed. */
    @Override
    public void run() {
        boolean handedOn = false;
        try {
            handedOn = acceptUntilServing();
        } finally {
            if (!handedOn) {
                // closed, or an error ended the loop: either way no thread accepts on this socket any more
                ended.countDown();
            }
        }
    }

    /** {@return true when this thread has served a connection and handed accepting on, false when the socket closed} */
    private boolean acceptUntilServing() {
        while (true) {
            if (socket.isClosed()) {
                return false;
            }
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    // out of file descriptors or the like: do not spin while it lasts
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
                continue;
            }
            SmtpConnection connection;
            try {
                client.setTcpNoDelay(true);
                connection = new SmtpConnection(server, client, server.nextSessionId(), implicitTls);
            } catch (IOException | RuntimeException e) {
                // the client left before its connection was set up
                closeQuietly(client);
                continue;
            }
            if (!server.admit()) {
                connection.refuse();
                continue;
            }
            server.opened(connection);
            try {
                server.watchdog.ensureRunning(name);
                connection.start(threads, name + " session " + connection.sessionId());
                return true;
            } catch (RuntimeException | OutOfMemoryError e) {
                // no thread to be had: give the slot back, as the connection's own end would
                server.closed(connection);
                server.release();
                closeQuietly(client);
            }
        }
    }

    /** Closes the listening socket (the port is free on return). */
    void close() {
        closeQuietly(socket);
    }

    /**
     * Waits for the accept loop to have ended after {@link #close()}: every connection it accepted is
     * registered with the server by then.
     *
     * @param deadlineNanos the {@link System#nanoTime()} to stop waiting at
     */
    void join(long deadlineNanos) {
        try {
            ended.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
