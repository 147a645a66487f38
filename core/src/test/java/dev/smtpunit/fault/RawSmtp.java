package dev.smtpunit.fault;

import dev.smtpunit.MockSmtpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw-socket client for fault tests. */
final class RawSmtp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawSmtp(MockSmtpServer smtp) throws IOException {
        socket = new Socket(smtp.host(), smtp.port());
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void sendRaw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void send(String line) throws IOException {
        sendRaw(line + "\r\n");
    }

    String command(String line) throws IOException {
        send(line);
        return reply();
    }

    void timeoutMillis(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    String replyOrTimeout() throws IOException {
        try {
            return reply();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String l = line.toString(StandardCharsets.ISO_8859_1);
                if (!l.endsWith("\r")) {
                    throw new IOException("reply line without CRLF: " + l);
                }
                l = l.substring(0, l.length() - 1);
                lines.add(l);
                line.reset();
                if (l.length() < 4 || l.charAt(3) != '-') {
                    return String.join("\n", lines);
                }
            } else {
                line.write(b);
            }
        }
        throw new IOException("connection closed; read " + lines + " and " + line);
    }

    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
