package dev.smtpunit.adversarial;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Clients that misbehave on purpose: raw bytes, never reading, trickling, half a TLS handshake. */
final class Hostile {
    private Hostile() {}

    /**
     * @param port the port on 127.0.0.1
     * @param receiveBuffer the socket's receive buffer, or 0 for the default
     * @return a connected socket with a 5 s read timeout
     */
    static Socket connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    /** {@return the first flight of a real TLS client: a ClientHello record} */
    static byte[] clientHello() throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("localhost", 465);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return hello;
    }

    /**
     * Reads until the server closes the connection.
     *
     * @param s the socket
     * @return everything read, as ISO-8859-1
     * @throws SocketTimeoutException when the server does not close within the socket's timeout
     */
    static String readToEnd(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        byte[] b = new byte[8192];
        int n;
        try {
            while ((n = in.read(b)) >= 0) {
                sb.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // reset by the server: closed as well
        }
        return sb.toString();
    }

    /**
     * Writes the same command over and over, never reading, until the connection fails (the server
     * closed it); runs on its own thread.
     *
     * @param s the socket
     * @param command the command line, CRLF included
     * @return completes with the number of octets written when the server has closed the connection
     */
    static CompletableFuture<Long> pump(Socket s, String command) {
        byte[] one = command.getBytes(StandardCharsets.US_ASCII);
        byte[] batch = new byte[one.length * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> daemon(r, "hostile pump"));
        CompletableFuture<Long> done = CompletableFuture.supplyAsync(
                () -> {
                    long written = 0;
                    try {
                        while (true) {
                            s.getOutputStream().write(batch);
                            written += batch.length;
                        }
                    } catch (IOException e) {
                        return written;
                    }
                },
                thread);
        done.whenComplete((n, e) -> thread.shutdown());
        return done;
    }

    /**
     * Sends the octets one at a time, one every {@code periodMillis}, on a scheduler thread.
     *
     * @param s the socket
     * @param octets what to send
     * @param periodMillis the pause between two octets
     * @return the scheduler, to shut down when done
     */
    static ScheduledExecutorService trickle(Socket s, byte[] octets, long periodMillis) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hostile trickle"));
        int[] next = {0};
        timer.scheduleAtFixedRate(
                () -> {
                    if (next[0] >= octets.length) {
                        timer.shutdown();
                        return;
                    }
                    try {
                        s.getOutputStream().write(octets[next[0]++]);
                    } catch (IOException e) {
                        timer.shutdown();
                    }
                },
                0,
                periodMillis,
                TimeUnit.MILLISECONDS);
        return timer;
    }

    /** Resets the connection (RST, not FIN): what is still unsent or unread on either side is lost. */
    static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    /**
     * Sends the octets from another thread while reading every reply until the server closes, so
     * that neither side blocks on a full socket buffer; the output is shut down after the octets.
     *
     * @param port the plain port
     * @param octets what to send
     * @return everything the server sent
     */
    static String exchange(int port, byte[] octets) throws Exception {
        try (Socket s = connect(port, 0)) {
            s.setSoTimeout(20_000);
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    s.getOutputStream().write(octets);
                    s.shutdownOutput();
                } catch (IOException e) {
                    // the server closed first: what it sent is read below
                }
            });
            String got = readToEnd(s);
            sent.get(20, TimeUnit.SECONDS);
            return got;
        }
    }

    /** {@return {@code n} copies of the octets} */
    static byte[] repeat(String s, int n) {
        byte[] one = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[one.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return all;
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
