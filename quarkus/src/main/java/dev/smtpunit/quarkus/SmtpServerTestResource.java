package dev.smtpunit.quarkus;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.internal.AnnotationOptions;
import dev.smtpunit.junit5.internal.ClientSettings;
import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Quarkus test resource behind {@link QuarkusSmtpServer}: starts the server before the
 * application and hands Quarkus the {@code quarkus.mailer.*} configuration that points at it, without
 * connection pooling (a session per mail, so every test's transcript is complete). With STARTTLS on, a TLS configuration named {@code smtpunit} trusts exactly the server's certificate
 * (a PEM file; Quarkus' TLS registry reads trust from files). Created by Quarkus.
 */
public final class SmtpServerTestResource implements QuarkusTestResourceConfigurableLifecycleManager<QuarkusSmtpServer> {
    /** The TLS configuration name that trusts the server. */
    static final String TLS_CONFIGURATION = "smtpunit";

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
        ClientSettings.credentials(server, config).ifPresent(user -> {
            p.put("quarkus.mailer.username", user.getKey());
            p.put("quarkus.mailer.password", user.getValue());
        });
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

    private static Path writeTrust(MockSmtpServer server) {
        try {
            Path file = Files.createTempFile("smtpunit-trust-", ".pem");
            Files.writeString(file, ClientSettings.pemCertificates(server));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SMTP server's certificate for Quarkus' TLS registry", e);
        }
    }
}
