package dev.smtpunit.spring.internal;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.AuthMode;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Spring Boot properties that point a {@code JavaMailSenderImpl} at a server: host and port;
 * credentials when it offers AUTH; and when it offers STARTTLS, an inline PEM SSL bundle that trusts
 * exactly its certificate (host-name checking stays on) with STARTTLS enabled, and required when the
 * server requires it. {@code spring.mail.properties.*} take strings only, so the trust travels as
 * {@code spring.ssl.bundle.pem.smtpunit.truststore.certificate} plus {@code spring.mail.ssl.bundle}.
 */
final class SpringMailProperties {
    /** The name of the SSL bundle that trusts the server. */
    static final String SSL_BUNDLE = "smtpunit";
    /** Credentials used against {@code acceptAnyCredentials} servers. */
    static final String ANY_USER = "smtpunit";

    private static final String MAIL = "spring.mail.properties.mail.smtp.";

    private SpringMailProperties() {}

    static Map<String, Object> of(MockSmtpServer server, SmtpServer config) {
        SmtpServerOptions options = server.options();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.mail.host", server.host());
        p.put("spring.mail.port", Integer.toString(server.port()));
        p.put(MAIL + "connectiontimeout", "10000");
        p.put(MAIL + "timeout", "10000");
        if (options.authMode() != AuthMode.OFF) {
            Map.Entry<String, String> user = user(options, config);
            p.put("spring.mail.username", user.getKey());
            p.put("spring.mail.password", user.getValue());
            p.put(MAIL + "auth", "true");
        }
        if (options.startTls() != StartTlsMode.OFF) {
            p.put("spring.ssl.bundle.pem." + SSL_BUNDLE + ".truststore.certificate", pem(server));
            p.put("spring.mail.ssl.bundle", SSL_BUNDLE);
            p.put(MAIL + "starttls.enable", "true");
            p.put(MAIL + "starttls.required", Boolean.toString(options.startTls() == StartTlsMode.REQUIRED));
            p.put(MAIL + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** The first user of the annotation, else the first by name (a configurer's), else any. */
    private static Map.Entry<String, String> user(SmtpServerOptions options, SmtpServer config) {
        if (options.authMode() == AuthMode.ACCEPT_ANY) {
            return Map.entry(ANY_USER, ANY_USER);
        }
        if (config.users().length > 0) {
            String first = config.users()[0];
            int colon = first.indexOf(':');
            return Map.entry(first.substring(0, colon), first.substring(colon + 1));
        }
        return new TreeMap<>(options.users()).firstEntry();
    }

    private static String pem(MockSmtpServer server) {
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
