package dev.smtpunit.testsupport;

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

/**
 * The raw-socket SMTP client of every module's protocol tests: sends exact bytes, reads exact replies.
 * A five-second deadline applies to connecting and to every read unless a test sets its own.
 */
public final class RawClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /**
     * Connects.
     *
     * @param host the server's host
     * @param port the server's port
     * @throws IOException when the connection fails
     */
    public RawClient(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /**
     * Connects.
     *
     * @param host the server's host
     * @param port the server's port
     * @return the connected client
     * @throws IOException when the connection fails
     */
    public static RawClient connect(String host, int port) throws IOException {
        return new RawClient(host, port);
    }

    /**
     * Sends the characters as ISO-8859-1 bytes as they are (no CRLF added).
     *
     * @param s what to send
     * @return this
     * @throws IOException when the connection fails
     */
    public RawClient sendRaw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /**
     * Sends a line with CRLF.
     *
     * @param line the line without its CRLF
     * @return this
     * @throws IOException when the connection fails
     */
    public RawClient send(String line) throws IOException {
        return sendRaw(line + "\r\n");
    }

    /**
     * Sends a line and reads one (possibly multi-line) reply.
     *
     * @param line the line without its CRLF
     * @return the reply, as {@link #reply()} gives it
     * @throws IOException when the connection fails or closes first
     */
    public String command(String line) throws IOException {
        send(line);
        return reply();
    }

    /**
     * Reads one reply, or returns null when none comes within the socket timeout.
     *
     * @return the reply or null
     * @throws IOException when the connection fails or closes first
     */
    public String replyOrTimeout() throws IOException {
        try {
            return reply();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /**
     * Reads one reply.
     *
     * @return its lines joined with \n, without CRLFs
     * @throws IOException when the connection fails or closes first
     */
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

    /**
     * The last line of a reply.
     *
     * @param reply a reply as {@link #reply()} gives it
     * @return its last line, the one that ends a multi-line reply
     */
    public static String lastLine(String reply) {
        return reply.substring(reply.lastIndexOf('\n') + 1);
    }

    /**
     * Reads one line. Fails on a line not ending in CRLF.
     *
     * @return the line without its CRLF, or null at end of stream
     * @throws IOException when the connection fails or the line does not end in CRLF
     */
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

    /**
     * Waits, within the socket timeout, for the server to close the connection.
     *
     * @return true when the server closed the connection (read returns end of stream) within the timeout
     * @throws IOException not in practice: a failed read counts as closed
     */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Upgrades this connection to TLS (after a 220 to STARTTLS).
     *
     * @param factory makes the TLS socket, trusting the server's certificate
     * @param host the host name the client checks
     * @throws IOException when the handshake fails
     */
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

    /**
     * Sets the deadline of every following read.
     *
     * @param millis the deadline in milliseconds, 0 for none
     * @throws IOException when the socket is closed
     */
    public void setTimeoutMillis(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
