package dev.smtpunit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One listening socket and the thread that accepts on it. Sessions are numbered here, in the order
 * connections are accepted, and each runs on a daemon thread of its own ({@link ConnectionThreads})
 * named after the server and session.
 */
final class Listener implements Runnable {
    private final ServerContext server;
    private final ConnectionThreads threads;
    private final ServerSocket socket;
    private final boolean implicitTls;
    private final String name;
    private final Thread thread;

    private Listener(ServerContext server, ConnectionThreads threads, ServerSocket socket, boolean implicitTls) {
        this.server = server;
        this.threads = threads;
        this.socket = socket;
        this.implicitTls = implicitTls;
        InetSocketAddress bound = address();
        this.name = "smtpunit " + bound.getAddress().getHostAddress() + ":" + bound.getPort();
        this.thread = new Thread(this, name + " accept");
        thread.setDaemon(true);
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
        listener.thread.start();
        return listener;
    }

    /** {@return the server's name in thread names, such as {@code smtpunit 127.0.0.1:40123}} */
    String name() {
        return name;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void run() {
        while (!socket.isClosed()) {
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
            } catch (RuntimeException | OutOfMemoryError e) {
                // no thread to be had: give the slot back, as the connection's own end would
                server.closed(connection);
                server.release();
                closeQuietly(client);
            }
        }
    }

    /** Closes the listening socket (the port is free on return) and waits for the accepting thread. */
    void close() {
        closeQuietly(socket);
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} to stop waiting at
     */
    void join(long deadlineNanos) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
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
