package dev.smtpunit.internal;

import dev.smtpunit.SmtpServerOptions;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The server side of TLS: a key, its certificate chain and the context built from them. */
final class TlsMaterial {
    private final List<X509Certificate> chain;
    private final SSLContext context;

    private TlsMaterial(PrivateKey key, List<X509Certificate> chain) {
        this.chain = List.copyOf(chain);
        try {
            char[] pw = "smtpunit".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, pw, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot set up TLS with the given key and certificate: " + e.getMessage(), e);
        }
    }

    private static final class Generated {
        static final TlsMaterial INSTANCE = new TlsMaterial(
                SelfSignedCertificate.shared().keyPair().getPrivate(),
                List.of(SelfSignedCertificate.shared().certificate()));
    }

    static TlsMaterial of(SmtpServerOptions options) {
        if (options.tlsKey() != null) {
            return new TlsMaterial(options.tlsKey(), options.tlsChain());
        }
        return Generated.INSTANCE;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Layers the server side of TLS over a connected socket; closing the result closes the socket.
     *
     * @param plain the connection
     * @return the TLS socket, before its handshake
     * @throws IOException when the socket is closed
     */
    SSLSocket layer(Socket plain) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return ssl;
    }
}
