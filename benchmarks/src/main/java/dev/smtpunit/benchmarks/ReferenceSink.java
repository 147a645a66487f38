package dev.smtpunit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limit reference: what this machine can do with the JDK alone. A thread per connection, the
 * SMTP state machine (every command gets 250 except DATA and QUIT), one exact-size {@code byte[]}
 * stored per message, no parsing, no checks, no transcript. Not a usable server: a yardstick.
 */
final class ReferenceSink implements Target {
    static final String NAME = "JDK sink (limit)";
    private static final byte[] OK = "250 ok\r\n".getBytes(StandardCharsets.US_ASCII);
    private final List<byte[]> messages = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private Thread acceptor;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1024);
        acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket s = server.accept();
                            open.add(s);
                            Thread t = new Thread(() -> serve(s), "sink-session");
                            t.setDaemon(true);
                            t.start();
                        } catch (IOException e) {
                            // closed
                        }
                    }
                },
                "sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write("220 sink\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[16384];
            int head = 0;
            int tail = 0;
            boolean data = false;
            byte[] content = new byte[4096];
            int size = 0;
            int state = 2; // content: 0 mid-line, 1 after CR, 2 after CRLF, 3 after CRLF ".", 4 after CRLF "." CR
            while (true) {
                if (head == tail) {
                    head = 0;
                    tail = in.read(buf);
                    if (tail < 0) {
                        return;
                    }
                }
                if (data) {
                    byte b = buf[head++];
                    if (size == content.length) {
                        content = Arrays.copyOf(content, size * 2);
                    }
                    content[size++] = b;
                    state = b == '\r'
                            ? (state == 3 ? 4 : 1)
                            : b == '\n' ? (state == 1 ? 2 : state == 4 ? 5 : 0) : b == '.' && state == 2 ? 3 : 0;
                    if (state == 5) {
                        synchronized (messages) {
                            messages.add(Arrays.copyOf(content, size - 3));
                        }
                        data = false;
                        size = 0;
                        state = 2;
                        out.write(OK);
                    }
                    continue;
                }
                int lf = head;
                while (lf < tail && buf[lf] != '\n') {
                    lf++;
                }
                if (lf == tail) {
                    System.arraycopy(buf, head, buf, 0, tail - head);
                    tail -= head;
                    head = 0;
                    int n = in.read(buf, tail, buf.length - tail);
                    if (n < 0) {
                        return;
                    }
                    tail += n;
                    continue;
                }
                int verb = (buf[head] | 0x20) << 8 | (buf[head + 1] | 0x20);
                head = lf + 1;
                if (verb == ('d' << 8 | 'a')) {
                    data = true;
                    out.write("354 go\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (verb == ('q' << 8 | 'u')) {
                    out.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                } else {
                    out.write(OK);
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public int stored() {
        synchronized (messages) {
            return messages.size();
        }
    }

    @Override
    public void clear() {
        synchronized (messages) {
            messages.clear();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(2000);
            for (Socket s : open) {
                s.close();
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
