package dev.smtpunit.junit5.internal;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Objects;
import java.util.Optional;

/**
 * Internal service interface, not part of the API: lets a framework integration hand the extension
 * the server it started for the test's application context (the Spring module does), so that
 * {@code MockSmtpServer} parameters and {@code @SmtpServer} fields get that server, and so that it is
 * reset before each test. Implementations are found with {@link java.util.ServiceLoader}.
 */
public interface ContextServerProvider {

    /**
     * The server of the test's application context, if the framework started one for it.
     *
     * @param context the test's or class's extension context
     * @return the server, or empty when this framework has none for the test
     */
    Optional<ContextServer> find(ExtensionContext context);

    /**
     * A server owned by a framework's application context: the extension injects and resets it but
     * never closes it.
     *
     * @param server the running server
     * @param config the annotation it was made from
     * @param origin what owns it, for error messages ("the Spring application context of OrderMailTest")
     */
    record ContextServer(MockSmtpServer server, SmtpServer config, String origin) {
        /**
         * Checks that nothing is null.
         *
         * @param server the running server
         * @param config the annotation it was made from
         * @param origin what owns it
         */
        public ContextServer {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(origin, "origin");
        }
    }
}
