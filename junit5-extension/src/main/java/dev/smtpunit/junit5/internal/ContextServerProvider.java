package dev.smtpunit.junit5.internal;

import dev.smtpunit.MockProviderApis;
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
     * never closes it. When the context also owns provider HTTP APIs (the Spring module's, which its
     * SendGrid beans are pointed at), a {@code MockProviderApis} parameter gets those: the extension
     * starts them if nothing has yet, clears their faults before each test, and never stops them.
     *
     * @param server the running server
     * @param config the annotation it was made from
     * @param origin what owns it, for error messages ("the Spring application context of OrderMailTest")
     * @param providerApis the context's provider APIs, running or not yet started; null when it has none
     */
    record ContextServer(MockSmtpServer server, SmtpServer config, String origin, MockProviderApis providerApis) {
        /**
         * Checks that nothing but the provider APIs is null.
         *
         * @param server the running server
         * @param config the annotation it was made from
         * @param origin what owns it
         * @param providerApis the context's provider APIs, or null
         */
        public ContextServer {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(origin, "origin");
        }

        /**
         * A context server without provider APIs of its own (a {@code MockProviderApis} parameter then
         * gets APIs started for the test).
         *
         * @param server the running server
         * @param config the annotation it was made from
         * @param origin what owns it
         */
        public ContextServer(MockSmtpServer server, SmtpServer config, String origin) {
            this(server, config, origin, null);
        }
    }
}
