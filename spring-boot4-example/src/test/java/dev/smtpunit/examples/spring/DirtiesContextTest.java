package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code @DirtiesContext} closes the context and its server; the next context starts a new one. */
@SpringBootTest
@SmtpServer(hostname = "dirty.test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirtiesContextTest {
    static MockSmtpServer previous;

    @Autowired
    WelcomeMailService welcomeMail;

    @Test
    @Order(1)
    void sendsThroughTheFirstContext(MockSmtpServer smtp) {
        previous = smtp;
        welcomeMail.sendWelcome("ada");
        assertThat(smtp.mailbox()).hasMessageCount(1);
    }

    @Test
    @Order(2)
    void sendsThroughANewContextAndServer(MockSmtpServer smtp) {
        assertThat(smtp).isNotSameAs(previous);
        assertThat(previous.isRunning()).as("the server of the dirtied context").isFalse();

        welcomeMail.sendWelcome("grace");

        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("grace@example.com");
    }
}
