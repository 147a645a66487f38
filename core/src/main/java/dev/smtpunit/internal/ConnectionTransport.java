package dev.smtpunit.internal;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolTransport;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/** James' view of one connection; replies and line-handler changes go to our connection. */
final class ConnectionTransport implements ProtocolTransport {
    private final SmtpConnection connection;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;

    ConnectionTransport(SmtpConnection connection, Socket socket) {
        this.connection = connection;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.local = (InetSocketAddress) socket.getLocalSocketAddress();
    }

    SmtpConnection connection() {
        return connection;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getId() {
        return Integer.toString(connection.sessionId());
    }

    @Override
    public boolean isTLSStarted() {
        return connection.tlsActive();
    }

    @Override
    public boolean isStartTLSSupported() {
        return connection.startTlsSupported();
    }

    @Override
    public Optional<SSLSession> getSSLSession() {
        return connection.wire().socket() instanceof SSLSocket ssl ? Optional.of(ssl.getSession()) : Optional.empty();
    }

    @Override
    public boolean isProxyRequired() {
        return false;
    }

    @Override
    public void writeResponse(Response response, ProtocolSession session) {
        connection.writeUnsolicited(response);
    }

    @Override
    public void popLineHandler() {
        connection.popLineHandler();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void pushLineHandler(LineHandler<? extends ProtocolSession> handler, ProtocolSession session) {
        connection.pushLineHandler((LineHandler<SMTPSession>) handler);
    }

    @Override
    public void setReadable(boolean readable) {
        // the connection reads only between commands, on its own thread: nothing to suspend
    }

    @Override
    public boolean isReadable() {
        return true;
    }
}
