package dev.smtpunit.quarkus;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.AuthMode;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.internal.AnnotationOptions;
import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Quarkus test resource behind {@link QuarkusSmtpServer}: starts the server before the
 * application and hands Quarkus the {@code quarkus.mailer.*} configuration that points at it, without
 * connection pooling (a session per mail, so every test's transcript is complete). With STARTTLS on, a TLS configuration named {@code smtpunit} trusts exactly the server's certificate
 * (a PEM file; Quarkus' TLS registry reads trust from files). Created by Quarkus.
 */
public final class SmtpServerTestResource implements QuarkusTestResourceConfigurableLifecycleManager<QuarkusSmtpServer> {
    /** The TLS configuration name that trusts the server. */
    static final String TLS_CONFIGURATION = "smtpunit";
    /** Credentials used against {@code acceptAnyCredentials} servers. */
    static final String ANY_USER = "smtpunit";

    private SmtpServer config;
    private MockSmtpServer server;
    private Path trustFile;

    /** Created by Quarkus. */
    public SmtpServerTestResource() {}

    @Override
    public void init(QuarkusSmtpServer annotation) {
        this.config = annotation.value();
    }

    @Override
    public Map<String, String> start() {
        if (config == null) {
            throw new IllegalStateException("SmtpServerTestResource is configured by @QuarkusSmtpServer;"
                    + " use that annotation instead of naming the resource in @WithTestResource");
        }
        server = new MockSmtpServer(AnnotationOptions.of(config, "@QuarkusSmtpServer")).start();
        SmtpServerOptions options = server.options();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.mailer.mock", "false");
        p.put("quarkus.mailer.host", server.host());
        p.put("quarkus.mailer.port", Integer.toString(server.port()));
        // a session per mail, as the transcript, reset and faults on CONNECT, EHLO or AUTH expect
        p.put("quarkus.mailer.keep-alive", "false");
        p.put("quarkus.mailer.tls", "false");
        if (options.authMode() != AuthMode.OFF) {
            Map.Entry<String, String> user = user(options);
            p.put("quarkus.mailer.username", user.getKey());
            p.put("quarkus.mailer.password", user.getValue());
        }
        p.put("quarkus.mailer.start-tls", switch (options.startTls()) {
            case OFF -> "DISABLED";
            case OFFERED -> "OPTIONAL";
            case REQUIRED -> "REQUIRED";
        });
        if (options.startTls() != StartTlsMode.OFF) {
            trustFile = writeTrust(server);
            p.put("quarkus.mailer.tls-configuration-name", TLS_CONFIGURATION);
            p.put("quarkus.tls." + TLS_CONFIGURATION + ".trust-store.pem.certs", trustFile.toString());
        }
        return p;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectSmtpServer.class, MockSmtpServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (trustFile != null) {
            try {
                Files.deleteIfExists(trustFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The first user of the annotation, else the first by name (a configurer's), else any. */
    private Map.Entry<String, String> user(SmtpServerOptions options) {
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

    private static Path writeTrust(MockSmtpServer server) {
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
        try {
            Path file = Files.createTempFile("smtpunit-trust-", ".pem");
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SMTP server's certificate for Quarkus' TLS registry", e);
        }
    }
}
