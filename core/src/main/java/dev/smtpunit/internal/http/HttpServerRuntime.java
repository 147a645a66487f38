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
 */
public final class HttpServerRuntime {
    /** The largest request body read; larger ones get 413 before the handler sees them. */
    public static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_HEAD = 64 * 1024;
    private static final long STOP_WAIT_MS = 2000;

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
    }

    private final Handler handler;
    private final ServerSocket plain;
    private final ServerSocket secure;
    private final SSLContext tls;
    private final Thread plainAcceptor;
    private final Thread secureAcceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    private HttpServerRuntime(Handler handler, ServerSocket plain, ServerSocket secure, SSLContext tls) {
        this.handler = handler;
        this.plain = plain;
        this.secure = secure;
        this.tls = tls;
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
     * @return the running server
     * @throws UncheckedIOException naming address and port when a port cannot be bound
     */
    public static HttpServerRuntime start(InetAddress address, int plainPort, int securePort, SSLContext tls, Handler handler) {
        ServerSocket p = bind(address, plainPort);
        ServerSocket s;
        try {
            s = bind(address, securePort);
        } catch (UncheckedIOException e) {
            closeQuietly(p);
            throw e;
        }
        HttpServerRuntime r = new HttpServerRuntime(handler, p, s, tls);
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
            throw new UncheckedIOException("cannot listen for HTTP on " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage(), e);
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
            open.add(s);
            if (stopping) {
                closeQuietly(s);
                return;
            }
            Thread w = new Thread(() -> serve(s, tlsPort), "smtpunit-http-" + s.getPort());
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
    }

    private void serve(Socket raw, boolean tlsPort) {
        Socket s = raw;
        try {
            s.setTcpNoDelay(true);
            if (tlsPort) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(raw,
                        raw.getInetAddress().getHostAddress(), raw.getPort(), true);
                ssl.setUseClientMode(false);
                ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                open.add(ssl);
                s = ssl;
                ssl.startHandshake();
            }
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = s.getOutputStream();
            InetSocketAddress client = (InetSocketAddress) raw.getRemoteSocketAddress();
            HttpRequest.Connection connection = new HttpRequest.Connection();
            while (!stopping) {
                Parsed p = read(in, out, client, tlsPort, connection);
                if (p == null) {
                    return;
                }
                if (p.early != null) {
                    write(out, p.early, false);
                    return;
                }
                Outcome o = handler.handle(p.request);
                if (o instanceof Respond r) {
                    write(out, r.response(), p.keepAlive);
                    if (!p.keepAlive) {
                        return;
                    }
                } else if (o instanceof Close) {
                    return;
                } else {
                    stopped.await();
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away or broke the protocol: its connection ends, nothing else is affected
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(s);
            open.remove(s);
            open.remove(raw);
            workers.remove(Thread.currentThread());
        }
    }

    private static final class Parsed {
        HttpRequest request;
        HttpResponse early;
        boolean keepAlive;
    }

    private static Parsed read(InputStream in, OutputStream out, InetSocketAddress client, boolean secure,
            HttpRequest.Connection connection) throws IOException {
        String requestLine = line(in, true);
        if (requestLine == null) {
            return null;
        }
        Parsed p = new Parsed();
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            p.early = HttpResponse.of(400, "text/plain", "malformed request line");
            return p;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int headBytes = requestLine.length();
        while (true) {
            String h = line(in, false);
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
            headers.add(Map.entry(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
        }
        String connectionHeader = value(headers, "Connection");
        p.keepAlive = parts[2].equals("HTTP/1.1") ? !"close".equalsIgnoreCase(connectionHeader)
                : "keep-alive".equalsIgnoreCase(connectionHeader);
        String expect = value(headers, "Expect");
        String te = value(headers, "Transfer-Encoding");
        String cl = value(headers, "Content-Length");
        byte[] body;
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            continue100(expect, out);
            body = chunked(in);
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
            int n;
            try {
                n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new SocketException("bad chunk size");
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
            int b = in.read();
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
                throw new SocketException("line too long");
            }
            sb.append((char) b);
        }
    }

    private static void write(OutputStream out, HttpResponse r, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(r.status()).append(' ').append(HttpResponse.reason(r.status())).append("\r\n");
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
     * Closes the listening sockets and every connection (stalled ones too) and waits up to two
     * seconds for their threads.
     */
    public void stop() {
        stopping = true;
        stopped.countDown();
        closeQuietly(plain);
        closeQuietly(secure);
        for (Socket s : open) {
            closeQuietly(s);
        }
        for (Thread w : workers) {
            w.interrupt();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        join(plainAcceptor, deadline);
        join(secureAcceptor, deadline);
        for (Thread w : workers) {
            join(w, deadline);
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

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing on the way out: nothing left to report
        }
    }
}
