package dev.smtpunit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * What a client needs to trust a server's TLS certificate: an {@link SSLContext} that trusts exactly
 * that certificate, its socket factory, and ready Jakarta Mail properties.
 *
 * <pre>{@code
 * Session session = Session.getInstance(smtp.clientTrust().startTlsProperties(smtp));
 * Transport.send(message);   // upgrades with STARTTLS and trusts the test server
 * }</pre>
 */
public final class ClientTrust {
    private final List<X509Certificate> certificates;
    private final SSLContext sslContext;
    private final SSLSocketFactory identityCheckingSocketFactory;

    /**
     * Trust exactly the given certificates.
     *
     * @param certificates the server's certificate chain
     */
    public ClientTrust(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : this.certificates) {
                ks.setCertificateEntry("smtpunit-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            sslContext = SSLContext.getInstance("TLS");
            sslContext.init(null, tmf.getTrustManagers(), null);
            identityCheckingSocketFactory = new IdentityCheckingSocketFactory(sslContext.getSocketFactory());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot build a trust store for the server certificate: " + e.getMessage(), e);
        }
    }

    /** {@return the trusted certificates, server certificate first} */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * The certificates in PEM form, for clients outside the JVM:
     * {@code openssl s_client -starttls smtp -CAfile smtpunit.pem}, {@code swaks --tls-ca-path smtpunit.pem}.
     * <pre>{@code Files.writeString(Path.of("smtpunit.pem"), smtp.clientTrust().certificatesPem());}</pre>
     *
     * @return one {@code BEGIN CERTIFICATE} block per certificate, server certificate first
     */
    public String certificatesPem() {
        StringBuilder sb = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate c : certificates) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode the certificate: " + e.getMessage(), e);
            }
        }
        return sb.toString();
    }

    /** {@return a TLS context that trusts the server's certificate} */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** {@return a socket factory that trusts the server's certificate} */
    public SSLSocketFactory socketFactory() {
        return sslContext.getSocketFactory();
    }

    /**
     * Mail properties for the server's plain port, with STARTTLS required and trusted, for Jakarta Mail
     * and for javax.mail 1.6 alike. The server's identity is checked: the socket factory in
     * {@code mail.smtp.ssl.socketFactory} has the JDK verify, during the handshake, that the
     * certificate names {@code mail.smtp.host} (IP addresses included, which javax.mail 1.6's own
     * {@code mail.smtp.ssl.checkserveridentity} cannot match, so that property is left unset).
     *
     * @param server the running server
     * @return new properties; add credentials and {@code mail.smtp.auth} as needed
     */
    public Properties startTlsProperties(MockSmtpServer server) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", server.host());
        p.setProperty("mail.smtp.port", Integer.toString(server.port()));
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", identityCheckingSocketFactory);
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "10000");
        return p;
    }

    /**
     * Mail properties for the server's implicit-TLS (SMTPS) port, trusted and with the server's
     * identity checked as in {@link #startTlsProperties(MockSmtpServer)}; for Jakarta Mail and
     * javax.mail 1.6 alike.
     *
     * @param server the running server, started with {@code implicitTls}
     * @return new properties for the {@code smtp} protocol with {@code mail.smtp.ssl.enable}
     */
    public Properties smtpsProperties(MockSmtpServer server) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", server.host());
        p.setProperty("mail.smtp.port", Integer.toString(server.smtpsPort()));
        p.setProperty("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.socketFactory", identityCheckingSocketFactory);
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "10000");
        return p;
    }
}
