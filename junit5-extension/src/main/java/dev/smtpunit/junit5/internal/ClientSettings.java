package dev.smtpunit.junit5.internal;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.AuthMode;
import dev.smtpunit.junit5.SmtpServer;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a framework's mail client needs to use a server, in the forms framework configuration takes
 * (strings): the credentials to log in with and the certificate to trust. Internal: shared by the
 * framework integrations (Spring, Quarkus), not part of the API.
 */
public final class ClientSettings {
    /** The user name and password used against servers that accept any credentials. */
    public static final String ANY_USER = "smtpunit";

    private ClientSettings() {}

    /**
     * The credentials a client should log in with: the first of the annotation's {@code users}, else
     * the first by name of the options' users (a configurer's), else {@value #ANY_USER} for servers
     * that accept any.
     *
     * @param server the running server
     * @param config the annotation it was made from
     * @return user name and password, or empty when the server offers no AUTH
     */
    public static Optional<Map.Entry<String, String>> credentials(MockSmtpServer server, SmtpServer config) {
        SmtpServerOptions options = server.options();
        if (options.authMode() == AuthMode.OFF) {
            return Optional.empty();
        }
        if (options.authMode() == AuthMode.ACCEPT_ANY) {
            return Optional.of(Map.entry(ANY_USER, ANY_USER));
        }
        if (config.users().length > 0) {
            String first = config.users()[0];
            int colon = first.indexOf(':');
            return Optional.of(Map.entry(first.substring(0, colon), first.substring(colon + 1)));
        }
        return Optional.of(new TreeMap<>(options.users()).firstEntry());
    }

    /**
     * The server's certificate chain in PEM form, for trust stores configured by text or file.
     *
     * @param server the running server, with TLS on
     * @return one {@code BEGIN/END CERTIFICATE} block per certificate, server certificate first
     */
    public static String pemCertificates(MockSmtpServer server) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : server.clientTrust().certificates()) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode the SMTP server's certificate: " + e.getMessage(), e);
            }
        }
        return pem.toString();
    }
}
