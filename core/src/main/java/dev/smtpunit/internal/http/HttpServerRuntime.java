package dev.smtpunit.internal.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server on JDK sockets: a plain and a TLS listener on loopback, one thread per
 * connection, keep-alive, {@code Content-Length} and chunked bodies, {@code Expect: 100-continue}.
 * Reply header names go out exactly as the handler spells them ({@code com.sun.net.httpserver}
 * rewrites them, and some provider SDKs read them case-sensitively).
 *
 * <p>It cannot be worn down, within {@link Limits}: at most so many connections at once (further
 * ones get 503 on the accepting thread and take no slot); a request, head and body, must arrive
 * within the idle timeout of when the server began waiting for it (an idle keep-alive connection is
 * closed then, a half-sent request gets 408); a response write and a TLS handshake that do not
 * complete within their deadlines close the connection (a watchdog thread, started with the first
 * connection, closes the socket of an overdue one); {@link #stop()} returns within two seconds
 * whatever the clients do.
 */
public final class HttpServerRuntime {
    /** The largest request body read; larger ones get 413 before the handler sees them. */
    public static final int MAX_BODY = 64 * 1024 * 1024;

    private static final int MAX_HEAD = 64 * 1024;
    /** The most octets read (and dropped) after an error response before closing, so that the client sees the response. */
    private static final int MAX_DRAIN = 256 * 1024;

    private static final long DRAIN_MS = 500;
    private static final long STOP_WAIT_MS = 2000;

    /**
     * The limits of one server.
     *
     * @param idleTimeout how long a request (head and body) may take to arrive, counted from when the
     *     server began waiting for it, and how long one response write may take
     * @param tlsHandshakeTimeout how long a TLS handshake may take in all
     * @param maxConnections the most connections served at once, 0 for no limit
     */
    public record Limits(java.time.Duration idleTimeout, java.time.Duration tlsHandshakeTimeout, int maxConnections) {
        /** Checks the values. */
        public Limits {
            if (idleTimeout.isNegative()
                    || idleTimeout.isZero()
                    || tlsHandshakeTimeout.isNegative()
                    || tlsHandshakeTimeout.isZero()
                    || maxConnections < 0) {
                throw new IllegalArgumentException(
                        "limits must be positive: " + idleTimeout + ", " + tlsHandshakeTimeout + ", " + maxConnections);
            }
        }
    }

    /** What to do with a request. */
    public sealed interface Outcome permits Respond, Close, Stall {}

    /**
     * Send a response.
     *
     * @param response the response
     */
    public record Respond(HttpResponse response) implements Outcome {}

    /** Close the connection without a response. */
    public record Close() implements Outcome {}

    /** Never respond; the connection stays open until the client gives up or the server stops. */
    public record Stall() implements Outcome {}

    /** Handles one request on its connection's thread. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles a request.
         *
         * @param request the request
         * @return what to do
         * @throws InterruptedException when the server stops during a delay
         */
        Outcome handle(HttpRequest request) throws InterruptedException;

        /**
         * Hears that a connection has ended, on its thread (for a refused one, on the accepting thread).
         *
         * @param connection the connection, with what the handler attached to it
         * @param client the client's address
         * @param byServer whether the server closed it
         * @param detail why, for the transcript
         * @param notable whether it ended because of a limit or a broken request (worth recording
         *     even when no request was handled on it)
         */
        default void ended(
                HttpRequest.Connection connection,
                InetSocketAddress client,
                boolean byServer,
                String detail,
                boolean notable) {}
    }

    /** A request, or its head, that did not arrive within the deadline. */
    private static class RequestTimeout extends IOException {
        private static final long serialVersionUID = 1L;

        RequestTimeout() {
            super("request timeout", null);
        }
    }

    /** The deadline passed before the first octet of a request: an idle keep-alive connection. */
    private static final class IdleTimeout extends RequestTimeout {
        private static final long serialVersionUID = 1L;
    }

    /** A line of the request head longer than it may be. */
    private static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLong() {
            super("line too long", null);
        }
    }

    /**
     * The socket's input, each read bounded by the deadline of the request being read: the socket's
     * read timeout is set to what is left of it.
     */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private long deadlineNanos;

        DeadlineInput(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new RequestTimeout();
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left))));
            try {
                return in.read(b, off, len);
            } catch (java.net.SocketTimeoutException e) {
                throw new RequestTimeout();
            }
        }
    }

    /** One accepted connection: its sockets and the deadline of its guarded call (a write or the handshake). */
    private static final class Conn {
        final Socket raw;
        volatile Socket socket;
        /** {@link System#nanoTime()} at which the watchdog closes the socket; 0 while no guarded call runs. */
        volatile long expireAt;

        volatile String expired;
        final HttpRequest.Connection connection = new HttpRequest.Connection();

        /** What the guarded call is, for the transcript when it is overdue. */
        volatile String why;

        Conn(Socket raw) {
            this.raw = raw;
            this.socket = raw;
        }

        void guard(long nanos, String what) {
            this.why = what;
            expireAt = System.nanoTime() + nanos;
        }

        void unguard() {
            expireAt = 0;
        }
    }

    private final Handler handler;
    private final ServerSocket plain;
    private final ServerSocket secure;
    private final SSLContext tls;
    private final Limits limits;
    private final Thread plainAcceptor;
    private final Thread secureAcceptor;
    private final Set<Conn> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread watchdog;
    private volatile boolean stopping;

    private HttpServerRuntime(Handler handler, ServerSocket plain, ServerSocket secure, SSLContext tls, Limits limits) {
        this.handler = handler;
        this.plain = plain;
        this.secure = secure;
        this.tls = tls;
        this.limits = limits;
        this.plainAcceptor = acceptor(plain, false);
        this.secureAcceptor = acceptor(secure, true);
    }

    /**
     * Binds a plain and a TLS port on the address and starts accepting.
     *
     * @param address where to listen, usually 127.0.0.1
     * @param plainPort the plain port, 0 for a free one
     * @param securePort the TLS port, 0 for a free one
     * @param tls the server side of TLS
     * @param handler what answers the requests
     * @param limits the connection limit and deadlines
     * @return the running server
     * @throws UncheckedIOException naming address and port when a port cannot be bound
     */
    public static HttpServerRuntime start(
            InetAddress address, int plainPort, int securePort, SSLContext tls, Handler handler, Limits limits) {
        ServerSocket p = bind(address, plainPort);
        ServerSocket s;
        try {
            s = bind(address, securePort);
        } catch (UncheckedIOException e) {
            closeQuietly(p);
            throw e;
        }
        HttpServerRuntime r = new HttpServerRuntime(handler, p, s, tls, limits);
        r.plainAcceptor.start();
        r.secureAcceptor.start();
        return r;
    }

    private static ServerSocket bind(InetAddress address, int port) {
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(address, port), 128);
            return ss;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen for HTTP on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** {@return the plain HTTP address} */
    public InetSocketAddress plainAddress() {
        return (InetSocketAddress) plain.getLocalSocketAddress();
    }

    /** {@return the HTTPS address} */
    public InetSocketAddress secureAddress() {
        return (InetSocketAddress) secure.getLocalSocketAddress();
    }

    private Thread acceptor(ServerSocket socket, boolean tlsPort) {
        Thread t = new Thread(() -> accept(socket, tlsPort), "smtpunit-http-accept-" + socket.getLocalPort());
        t.setDaemon(true);
        return t;
    }

    private void accept(ServerSocket socket, boolean tlsPort) {
        while (!stopping) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                return;
            }
            if (stopping) {
                closeQuietly(s);
                return;
            }
            if (!admit()) {
                refuse(s, tlsPort);
                continue;
            }
            Conn c = new Conn(s);
            open.add(c);
            ensureWatchdog();
            Thread w = new Thread(() -> serve(c, tlsPort), "smtpunit-http-" + s.getPort());
            w.setDaemon(true);
            workers.add(w);
            try {
                w.start();
            } catch (OutOfMemoryError e) {
                workers.remove(w);
                open.remove(c);
                active.decrementAndGet();
                closeQuietly(s);
            }
        }
    }

    /** Takes a slot unless the limit is reached; compares before it counts, so that a refusal takes none. */
    private boolean admit() {
        int max = limits.maxConnections();
        while (true) {
            int now = active.get();
            if (max > 0 && now >= max) {
                return false;
            }
            if (active.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** {@return how many connections hold a slot} */
    public int activeConnections() {
        return active.get();
    }

    /**
     * Answers a connection beyond the limit on the accepting thread: 503 on the plain port (a few
     * octets into an empty send buffer, never blocking), a close on the TLS port (before any handshake).
     */
    private void refuse(Socket s, boolean tlsPort) {
        InetSocketAddress client = (InetSocketAddress) s.getRemoteSocketAddress();
        try {
            if (!tlsPort) {
                HttpResponse r = HttpResponse.of(
                                503,
                                "text/plain",
                                "too many connections (maxConnections " + limits.maxConnections() + ")")
                        .header("Retry-After", "1");
                write(s.getOutputStream(), r, false);
                s.shutdownOutput();
            }
        } catch (IOException e) {
            // the client is gone already: nothing to answer
        } finally {
            closeQuietly(s);
        }
        handler.ended(
                new HttpRequest.Connection(),
                client,
                true,
                "connection refused: too many connections (maxConnections " + limits.maxConnections() + ")",
                true);
    }

    private synchronized void ensureWatchdog() {
        if (watchdog != null || stopping) {
            return;
        }
        long shortest = Math.min(
                limits.idleTimeout().toNanos(), limits.tlsHandshakeTimeout().toNanos());
        long period =
                Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.MILLISECONDS.toNanos(250), shortest / 8));
        Thread t = new Thread(
                () -> {
                    while (!stopping) {
                        java.util.concurrent.locks.LockSupport.parkNanos(this, period);
                        long now = System.nanoTime();
                        for (Conn c : open) {
                            long at = c.expireAt;
                            if (at != 0 && now - at >= 0) {
                                c.expired = c.why;
                                abort(c.raw);
                            }
                        }
                    }
                },
                "smtpunit-http-watchdog-" + plain.getLocalPort());
        t.setDaemon(true);
        t.start();
        watchdog = t;
    }

    private void serve(Conn c, boolean tlsPort) {
        Socket raw = c.raw;
        InetSocketAddress client = (InetSocketAddress) raw.getRemoteSocketAddress();
        boolean byServer = false;
        boolean notable = false;
        String detail = "connection closed by client";
        try {
            raw.setTcpNoDelay(true);
            if (tlsPort) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory()
                        .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
                ssl.setUseClientMode(false);
                ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                c.socket = ssl;
                c.guard(
                        limits.tlsHandshakeTimeout().toNanos(),
                        "the TLS handshake did not complete within " + millis(limits.tlsHandshakeTimeout()));
                ssl.startHandshake();
                c.unguard();
            }
            Socket s = c.socket;
            DeadlineInput deadline = new DeadlineInput(s);
            InputStream in = new BufferedInputStream(deadline, 16 * 1024);
            OutputStream out = s.getOutputStream();
            while (!stopping) {
                deadline.deadlineNanos =
                        System.nanoTime() + limits.idleTimeout().toNanos();
                Parsed p;
                try {
                    p = read(in, out, client, tlsPort, c.connection);
                } catch (IdleTimeout e) {
                    byServer = true;
                    detail = "connection closed by server: idle for " + millis(limits.idleTimeout());
                    return;
                } catch (RequestTimeout e) {
                    byServer = true;
                    notable = true;
                    detail = "connection closed by server: 408, the request did not arrive within the idle timeout of "
                            + millis(limits.idleTimeout());
                    respond(c, out, HttpResponse.of(408, "text/plain", "request timeout"), false);
                    linger(s, in);
                    return;
                }
                if (p == null) {
                    return;
                }
                if (p.early != null) {
                    byServer = true;
                    notable = true;
                    detail = "connection closed by server: " + p.early.status() + ", " + p.early.bodyText();
                    respond(c, out, p.early, false);
                    linger(s, in);
                    return;
                }
                deadline.deadlineNanos = Long.MAX_VALUE;
                Outcome o = handler.handle(p.request);
                if (o instanceof Respond r) {
                    respond(c, out, r.response(), p.keepAlive);
                    if (!p.keepAlive) {
                        byServer = true;
                        detail = "connection closed by server: the request asked for it (Connection: close)";
                        return;
                    }
                } else if (o instanceof Close) {
                    byServer = true;
                    detail = "connection closed by server: a fault rule closed it";
                    return;
                } else {
                    stopped.await();
                    byServer = true;
                    detail = "connection closed by server: stopped while a fault rule stalled the response";
                    return;
                }
            }
            byServer = true;
            detail = "connection closed by server: the server stopped";
        } catch (IOException e) {
            // the client went away or broke the protocol: its connection ends, nothing else is affected
            String why = c.expired;
            if (why != null) {
                byServer = true;
                notable = true;
                detail = "connection closed by server: " + why;
            } else if (stopping) {
                byServer = true;
                detail = "connection closed by server: the server stopped";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            byServer = true;
            detail = "connection closed by server: the server stopped";
        } finally {
            closeQuietly(c.socket);
            closeQuietly(raw);
            open.remove(c);
            active.decrementAndGet();
            workers.remove(Thread.currentThread());
            try {
                handler.ended(c.connection, client, byServer, detail, notable);
            } catch (RuntimeException e) {
                // recording the end must not keep the slot: it is given back already
            }
        }
    }

    /** Writes a response under the write deadline: the watchdog closes the connection of a client that does not read. */
    private void respond(Conn c, OutputStream out, HttpResponse r, boolean keepAlive) throws IOException {
        c.guard(
                limits.idleTimeout().toNanos(),
                "a response could not be written within the idle timeout of " + millis(limits.idleTimeout())
                        + " (the client does not read)");
        try {
            write(out, r, keepAlive);
        } finally {
            c.unguard();
        }
    }

    /**
     * After an error response, stops sending and reads (and drops) what the client still sends, for a
     * moment, so that closing does not reset the connection before the client has read the response.
     */
    private static void linger(Socket s, InputStream in) {
        try {
            if (!(s instanceof SSLSocket)) {
                s.shutdownOutput();
            }
            s.setSoTimeout((int) DRAIN_MS);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
            byte[] sink = new byte[8192];
            long drained = 0;
            while (drained < MAX_DRAIN && System.nanoTime() < until) {
                int n = s.getInputStream().read(sink);
                if (n < 0) {
                    return;
                }
                drained += n;
            }
        } catch (IOException e) {
            // the client is gone or slow: close now
        }
    }

    private static String millis(java.time.Duration d) {
        return d.toMillis() + " ms";
    }

    private static final class Parsed {
        HttpRequest request;
        HttpResponse early;
        boolean keepAlive;
    }

    private static Parsed read(
            InputStream in,
            OutputStream out,
            InetSocketAddress client,
            boolean secure,
            HttpRequest.Connection connection)
            throws IOException {
        Parsed p = new Parsed();
        String requestLine;
        try {
            requestLine = line(in, true);
        } catch (LineTooLong e) {
            p.early = HttpResponse.of(414, "text/plain", "request line too long");
            return p;
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            p.early = HttpResponse.of(400, "text/plain", "malformed request line");
            return p;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int headBytes = requestLine.length();
        while (true) {
            String h;
            try {
                h = line(in, false);
            } catch (LineTooLong e) {
                p.early = HttpResponse.of(431, "text/plain", "request header too large");
                return p;
            }
            if (h == null) {
                throw new SocketException("connection closed in the header");
            }
            if (h.isEmpty()) {
                break;
            }
            headBytes += h.length();
            if (headBytes > MAX_HEAD) {
                p.early = HttpResponse.of(431, "text/plain", "request header too large");
                return p;
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                p.early = HttpResponse.of(400, "text/plain", "malformed header line");
                return p;
            }
            headers.add(Map.entry(
                    h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
        }
        String connectionHeader = value(headers, "Connection");
        p.keepAlive = parts[2].equals("HTTP/1.1")
                ? !"close".equalsIgnoreCase(connectionHeader)
                : "keep-alive".equalsIgnoreCase(connectionHeader);
        String expect = value(headers, "Expect");
        String te = value(headers, "Transfer-Encoding");
        String cl = value(headers, "Content-Length");
        byte[] body;
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            continue100(expect, out);
            try {
                body = chunked(in);
            } catch (LineTooLong | NumberFormatException e) {
                p.early = HttpResponse.of(400, "text/plain", "bad chunk size");
                return p;
            }
            if (body == null) {
                p.early = HttpResponse.of(413, "text/plain", "request body too large");
                return p;
            }
        } else if (cl != null) {
            long len;
            try {
                len = Long.parseLong(cl);
            } catch (NumberFormatException e) {
                p.early = HttpResponse.of(400, "text/plain", "bad Content-Length");
                return p;
            }
            if (len < 0) {
                p.early = HttpResponse.of(400, "text/plain", "bad Content-Length");
                return p;
            }
            if (len > MAX_BODY) {
                p.early = HttpResponse.of(413, "text/plain", "request body too large");
                return p;
            }
            continue100(expect, out);
            body = in.readNBytes((int) len);
            if (body.length != len) {
                throw new SocketException("connection closed in the body");
            }
        } else {
            body = new byte[0];
        }
        p.request = new HttpRequest(parts[0], parts[1], List.copyOf(headers), body, client, secure, connection);
        return p;
    }

    private static void continue100(String expect, OutputStream out) throws IOException {
        if ("100-continue".equalsIgnoreCase(expect)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, false);
            if (size == null) {
                throw new SocketException("connection closed in a chunk");
            }
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n < 0) {
                throw new NumberFormatException("negative chunk size");
            }
            if (n == 0) {
                while (true) {
                    String trailer = line(in, false);
                    if (trailer == null || trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            if (body.size() + (long) n > MAX_BODY) {
                return null;
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new SocketException("connection closed in a chunk");
            }
            body.write(chunk);
            line(in, false);
        }
    }

    private static String value(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** {@return a line without its CRLF (or LF), or null at the end of the stream before any byte} */
    private static String line(InputStream in, boolean first) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (RequestTimeout e) {
                if (first && sb.length() == 0) {
                    throw new IdleTimeout();
                }
                throw e;
            }
            if (b < 0) {
                return sb.length() == 0 && first ? null : (sb.length() == 0 ? null : sb.toString());
            }
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                if (first && sb.length() == 0) {
                    continue;
                }
                return sb.toString();
            }
            if (sb.length() > MAX_HEAD) {
                throw new LineTooLong();
            }
            sb.append((char) b);
        }
    }

    private static void write(OutputStream out, HttpResponse r, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ")
                .append(r.status())
                .append(' ')
                .append(HttpResponse.reason(r.status()))
                .append("\r\n");
        for (Map.Entry<String, String> h : r.headers()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(r.body().length).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
    }

    /**
     * Closes the listening sockets and every connection (stalled ones, and ones blocked writing to a
     * client that does not read, too) and waits up to two seconds in all for their threads.
     */
    public void stop() {
        stopping = true;
        stopped.countDown();
        closeQuietly(plain);
        closeQuietly(secure);
        for (Conn c : open) {
            // the TCP socket, not the TLS one: closing that would wait for a write blocked on a client that does not
            // read
            closeQuietly(c.raw);
        }
        for (Thread w : workers) {
            w.interrupt();
        }
        Thread dog;
        synchronized (this) {
            dog = watchdog;
        }
        if (dog != null) {
            java.util.concurrent.locks.LockSupport.unpark(dog);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        join(plainAcceptor, deadline);
        join(secureAcceptor, deadline);
        for (Thread w : workers) {
            join(w, deadline);
        }
        if (dog != null) {
            join(dog, deadline);
        }
    }

    private static void join(Thread t, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Resets an overdue connection (RST, not FIN): its client does not read or does not finish its
     * handshake, so what is still unsent would only keep the socket in the kernel for minutes.
     */
    private static void abort(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already: the close below is all there is to do
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing on the way out: nothing left to report
        }
    }
}
