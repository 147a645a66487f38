package dev.smtpunit;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A socket factory whose TLS sockets check, during the handshake, that the server's certificate names
 * the host the client connected to (the JDK's {@code HTTPS} endpoint identification, RFC 2818 and RFC
 * 6125, which matches IP addresses against the certificate's IP entries). The mail libraries' own
 * check ({@code mail.smtp.ssl.checkserveridentity}) is not used: javax.mail 1.6 matches only DNS
 * names on Java 9 and later and refuses {@code 127.0.0.1} whatever the certificate says.
 */
final class IdentityCheckingSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    IdentityCheckingSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    private static Socket checked(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return checked(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return checked(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return checked(delegate.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return checked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return checked(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return checked(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return checked(delegate.createSocket(address, port, localAddress, localPort));
    }
}
