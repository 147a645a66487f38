package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What the test classes annotated with {@link MailIntegrationTest} saw: one context and one server, whatever the order. */
final class SharedContext {
    private static final Map<String, ApplicationContext> CONTEXTS = new ConcurrentHashMap<>();
    private static final Map<String, MockSmtpServer> SERVERS = new ConcurrentHashMap<>();

    private SharedContext() {}

    static void record(Class<?> testClass, ApplicationContext context, MockSmtpServer server) {
        CONTEXTS.put(testClass.getName(), context);
        SERVERS.put(testClass.getName(), server);
        assertThat(CONTEXTS.values())
                .as("application contexts of %s", CONTEXTS.keySet())
                .containsOnly(context);
        assertThat(SERVERS.values()).as("SMTP servers of %s", SERVERS.keySet()).containsOnly(server);
    }
}
