package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A registry closes the servers it owns, never those it borrowed from an application context. */
class ServerRegistryTest {

    @SmtpServer
    private static final class Config {}

    private static final SmtpServer CONFIG = Config.class.getAnnotation(SmtpServer.class);

    @Test
    void closesOwnedServersAndLeavesBorrowedOnesRunning() {
        try (MockSmtpServer owned = new MockSmtpServer().start();
                MockSmtpServer borrowed = new MockSmtpServer().start()) {
            ServerRegistry registry = new ServerRegistry();
            registry.put(new ServerRegistry.Entry("own", owned, CONFIG, "test", true));
            registry.putBorrowed(new ServerRegistry.Entry("", borrowed, CONFIG, "the application context", true));

            registry.close();

            assertThat(owned.isRunning()).isFalse();
            assertThat(borrowed.isRunning()).isTrue();
            assertThat(registry.all()).isEmpty();
        }
    }

    @Test
    void anOwnedServerReplacingABorrowedOneIsClosed() {
        try (MockSmtpServer borrowed = new MockSmtpServer().start();
                MockSmtpServer owned = new MockSmtpServer().start()) {
            ServerRegistry registry = new ServerRegistry();
            registry.putBorrowed(new ServerRegistry.Entry("", borrowed, CONFIG, "the application context", true));
            registry.put(new ServerRegistry.Entry("", owned, CONFIG, "test", true));

            registry.close();

            assertThat(owned.isRunning()).isFalse();
            assertThat(borrowed.isRunning()).isTrue();
        }
    }
}
