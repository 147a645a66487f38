package dev.smtpunit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A lockstep raw-socket SMTP client: waits for each reply before the next command, reuses its
 * connection for many messages. The same client measures every server.
 */
final class LoadClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[8192];

    LoadClient(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        expect('2');
        command("EHLO bench.test\r\n");
    }

    /** Builds a message of about {@code size} bytes with headers and 76-byte lines. */
    static byte[] message(int size, String subject) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append("From: bench@example.com\r\nTo: sink@example.com\r\nSubject: ")
                .append(subject)
                .append("\r\n\r\n");
        String line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd\r\n";
        while (sb.length() + line.length() <= size) {
            sb.append(line);
        }
        while (sb.length() < size - 2) {
            sb.append('x');
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    void send(byte[] content) throws IOException {
        command("MAIL FROM:<bench@example.com>\r\n");
        command("RCPT TO:<sink@example.com>\r\n");
        command("DATA\r\n");
        out.write(content);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect('2');
    }

    private void command(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(line.startsWith("DATA") ? '3' : '2');
    }

    /** Reads one (possibly multi-line) reply and checks its first digit. */
    private void expect(char first) throws IOException {
        int lineStart = 0;
        int n = 0;
        while (true) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                throw new IOException("connection closed");
            }
            n += r;
            for (int i = lineStart; i < n; i++) {
                if (buffer[i] == '\n') {
                    if (i - lineStart >= 3 && buffer[lineStart + 3] == '-') {
                        lineStart = i + 1;
                        continue;
                    }
                    if (buffer[lineStart] != first) {
                        throw new IOException("unexpected reply: "
                                + new String(buffer, lineStart, i - lineStart, StandardCharsets.US_ASCII));
                    }
                    return;
                }
            }
        }
    }

    void quit() throws IOException {
        out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect('2');
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
