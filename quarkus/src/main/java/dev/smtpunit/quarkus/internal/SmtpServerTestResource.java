package dev.smtpunit.quarkus.internal;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.internal.AnnotationOptions;
import dev.smtpunit.junit5.internal.ClientSettings;
import dev.smtpunit.quarkus.InjectSmtpServer;
import dev.smtpunit.quarkus.QuarkusSmtpServer;
import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The Quarkus test resource behind {@link QuarkusSmtpServer}: starts the server before the
 * application and hands Quarkus the {@code quarkus.mailer.*} configuration that points at it, without
 * connection pooling (a session per mail, so every test's transcript is complete) and with a bounded
 * send timeout (a send that never completes fails its test within {@link #SEND_TIMEOUT}). With STARTTLS
 * on, a TLS configuration named {@code smtpunit} trusts exactly the server's certificate (a PEM file;
 * Quarkus' TLS registry reads trust from files). The server greets each connection
 * {@link QuarkusSmtpServer#greetingDelayMillis()} after accepting it, for the Vert.x mail client's lost
 * greeting (docs/known-client-issues.md). Created by Quarkus.
 *
 * <p>Quarkus runs one application at a time; the server of the resource started last and not yet
 * stopped is the running application's, and what {@link QuarkusContextServerProvider} hands the JUnit
 * extension.
 */
public final class SmtpServerTestResource
        implements QuarkusTestResourceConfigurableLifecycleManager<QuarkusSmtpServer> {
    /** The TLS configuration name that trusts the server. */
    static final String TLS_CONFIGURATION = "smtpunit";
    /** How long a blocking {@code Mailer.send} may take before it fails (Quarkus' default is 60 s). */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    /** Resources started and not yet stopped, the latest first: the running application's is the latest. */
    private static final Deque<Running> RUNNING = new ConcurrentLinkedDeque<>();

    /** The running resource's server and the annotation it was made from. */
    record Running(MockSmtpServer server, QuarkusSmtpServer annotation) {}

    private QuarkusSmtpServer annotation;
    private Running running;
    private SmtpServer config;
    private MockSmtpServer server;
    private Path trustFile;

    /** Created by Quarkus. */
    public SmtpServerTestResource() {}

    @Override
    public void init(QuarkusSmtpServer annotation) {
        this.annotation = annotation;
        this.config = annotation.value();
    }

    @Override
    public Map<String, String> start() {
        if (config == null) {
            throw new IllegalStateException("SmtpServerTestResource is configured by @QuarkusSmtpServer;"
                    + " use that annotation instead of naming the resource in @WithTestResource");
        }
        if (annotation.greetingDelayMillis() < 0) {
            throw new IllegalArgumentException("@QuarkusSmtpServer(greetingDelayMillis = "
                    + annotation.greetingDelayMillis() + "): the delay must be zero or positive");
        }
        server = new MockSmtpServer(AnnotationOptions.of(config, "@QuarkusSmtpServer").toBuilder()
                        .greetingDelay(Duration.ofMillis(annotation.greetingDelayMillis()))
                        .build())
                .start();
        running = new Running(server, annotation);
        RUNNING.addFirst(running);
        SmtpServerOptions options = server.options();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.mailer.mock", "false");
        p.put("quarkus.mailer.host", server.host());
        p.put("quarkus.mailer.port", Integer.toString(server.port()));
        // a session per mail, as the transcript, reset and faults on CONNECT, EHLO or AUTH expect
        p.put("quarkus.mailer.keep-alive", "false");
        p.put("quarkus.mailer.tls", "false");
        p.put("quarkus.mailer.timeout", SEND_TIMEOUT.toSeconds() + "s");
        ClientSettings.credentials(server, config).ifPresent(user -> {
            p.put("quarkus.mailer.username", user.getKey());
            p.put("quarkus.mailer.password", user.getValue());
        });
        p.put(
                "quarkus.mailer.start-tls",
                switch (options.startTls()) {
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
        testInjector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(InjectSmtpServer.class, MockSmtpServer.class));
    }

    @Override
    public void stop() {
        if (running != null) {
            RUNNING.remove(running);
        }
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

    /** {@return the server of the running application's resource, or null when none runs} */
    static Running running() {
        return RUNNING.peekFirst();
    }

    private static Path writeTrust(MockSmtpServer server) {
        try {
            Path file = Files.createTempFile("smtpunit-trust-", ".pem");
            Files.writeString(file, server.clientTrust().certificatesPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SMTP server's certificate for Quarkus' TLS registry", e);
        }
    }
}
