package dev.smtpunit.internal;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolTransport;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import javax.net.ssl.SSLSession;
import java.net.InetSocketAddress;
import java.util.Optional;

/** James' view of one connection; replies and line-handler changes go to our connection. */
final class ConnectionTransport implements ProtocolTransport {
    private final SmtpConnection connection;
    private final Channel channel;

    ConnectionTransport(SmtpConnection connection, Channel channel) {
        this.connection = connection;
        this.channel = channel;
    }

    SmtpConnection connection() {
        return connection;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public String getId() {
        return Integer.toString(connection.sessionId());
    }

    @Override
    public boolean isTLSStarted() {
        return channel.pipeline().get(SslHandler.class) != null;
    }

    @Override
    public boolean isStartTLSSupported() {
        return connection.startTlsSupported();
    }

    @Override
    public Optional<SSLSession> getSSLSession() {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        return ssl == null ? Optional.empty() : Optional.of(ssl.engine().getSession());
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
        channel.config().setAutoRead(readable);
    }

    @Override
    public boolean isReadable() {
        return channel.config().isAutoRead();
    }
}
