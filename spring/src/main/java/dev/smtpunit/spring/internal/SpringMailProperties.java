package dev.smtpunit.spring.internal;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.internal.ClientSettings;

import java.util.LinkedHashMap;
import java.util.Map;

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

    private static final String MAIL = "spring.mail.properties.mail.smtp.";

    private SpringMailProperties() {}

    static Map<String, Object> of(MockSmtpServer server, SmtpServer config) {
        SmtpServerOptions options = server.options();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.mail.host", server.host());
        p.put("spring.mail.port", Integer.toString(server.port()));
        p.put(MAIL + "connectiontimeout", "10000");
        p.put(MAIL + "timeout", "10000");
        ClientSettings.credentials(server, config).ifPresent(user -> {
            p.put("spring.mail.username", user.getKey());
            p.put("spring.mail.password", user.getValue());
            p.put(MAIL + "auth", "true");
        });
        if (options.startTls() != StartTlsMode.OFF) {
            p.put(
                    "spring.ssl.bundle.pem." + SSL_BUNDLE + ".truststore.certificate",
                    server.clientTrust().certificatesPem());
            p.put("spring.mail.ssl.bundle", SSL_BUNDLE);
            p.put(MAIL + "starttls.enable", "true");
            p.put(MAIL + "starttls.required", Boolean.toString(options.startTls() == StartTlsMode.REQUIRED));
            p.put(MAIL + "ssl.checkserveridentity", "true");
        }
        return p;
    }
}
