package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Nested} classes share the enclosing class's context and server unless they ask for other
 * settings. Switching to another context and back (which pauses and restarts the first context in
 * Spring Framework 7) finds the first server still running on its port, where the mail goes.
 */
@SpringBootTest
@SmtpServer
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ContextSwitchTest {
    static MockSmtpServer first;
    static int firstPort;

    @Autowired
    WelcomeMailService welcomeMail;

    @Test
    void sendsThroughTheFirstContext(MockSmtpServer smtp) {
        first = smtp;
        firstPort = smtp.port();

        welcomeMail.sendWelcome("ada");

        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("ada@example.com");
    }

    @Nested
    @Order(1)
    @SmtpServer(acceptAnyCredentials = true)
    class OtherSettings {

        @Test
        void getsAnotherContextAndServer(MockSmtpServer smtp, @Autowired WelcomeMailService otherMail) {
            assertThat(smtp).isNotSameAs(first);
            assertThat(smtp.port()).isNotEqualTo(firstPort);
            assertThat(first.isRunning())
                    .as("the first context's server, while its context is cached")
                    .isTrue();

            otherMail.sendWelcome("grace");

            assertThat(smtp).eventually().hasMessageTo("grace@example.com").wasAuthenticatedAs("smtpunit");
            assertThat(first.mailbox()).isEmpty();
        }
    }

    @Nested
    @Order(2)
    class BackToTheFirstSettings {

        @Test
        void getsTheFirstServerOnItsPortAgain(MockSmtpServer smtp, @Autowired ApplicationContext context) {
            assertThat(smtp).isSameAs(first);
            assertThat(smtp.port()).isEqualTo(firstPort);
            assertThat(context.getEnvironment().getProperty("spring.mail.port", Integer.class))
                    .isEqualTo(firstPort);

            welcomeMail.sendWelcome("grace");

            assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("grace@example.com");
        }
    }
}
