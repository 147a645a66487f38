package dev.smtpunit;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw-socket SMTP client for protocol tests: sends exact bytes, reads exact replies. */
public final class RawClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawClient(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public static RawClient connect(MockSmtpServer server) throws IOException {
        return new RawClient(server.host(), server.port());
    }

    /** Sends the bytes as they are (no CRLF added). */
    public RawClient sendRaw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Sends a line with CRLF. */
    public RawClient send(String line) throws IOException {
        return sendRaw(line + "\r\n");
    }

    /** Sends a line and reads one (possibly multi-line) reply. */
    public String command(String line) throws IOException {
        send(line);
        return reply();
    }

    /** Reads one reply, or returns null when none comes within the socket timeout. */
    public String replyOrTimeout() throws IOException {
        try {
            return reply();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Reads one reply, multi-line joined with \n, without CRLFs. */
    public String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = readLine();
            if (l == null) {
                throw new IOException("connection closed while reading a reply; got " + lines);
            }
            lines.add(l);
            if (l.length() < 4 || l.charAt(3) != '-') {
                return String.join("\n", lines);
            }
        }
    }

    /** Reads one line without its CRLF, or null at end of stream. Fails on a line not ending in CRLF. */
    public String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new IOException("server line not ending in CRLF: " + buf);
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** @return true when the server closed the connection (read returns end of stream) within 5 s */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Upgrades this connection to TLS (after a 220 to STARTTLS). */
    public void upgradeToTls(SSLSocketFactory factory, String host) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, socket.getPort(), true);
        ssl.startHandshake();
        socket = ssl;
        in = ssl.getInputStream();
        out = ssl.getOutputStream();
    }

    /** {@return the socket, for sending bytes on a schedule of the test's own} */
    public Socket socket() {
        return socket;
    }

    public void setTimeoutMillis(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
