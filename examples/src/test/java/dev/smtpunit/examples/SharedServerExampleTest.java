package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/**
 * Example 6: one server for the whole class (a static field), so expensive application wiring can
 * be done once; the extension resets mailbox, transcript and faults before every test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedServerExampleTest {
    @SmtpServer
    static MockSmtpServer smtp;

    static WelcomeMailer mailer;

    @org.junit.jupiter.api.BeforeAll
    static void wireTheApplicationOnce() {
        mailer = new WelcomeMailer(smtp.properties(), 3, java.time.Duration.ofMillis(10));
    }

    @Test
    @Order(1)
    void firstTestSendsOneMail() throws Exception {
        smtp.faults().on(SmtpPhase.RCPT).reply(451, "4.3.0 Try later");
        mailer.sendWelcome("ada@example.com", "Ada");
        assertThat(smtp.mailbox()).hasMessageCount(1);
    }

    @Test
    @Order(2)
    void secondTestStartsWithAnEmptyMailboxAndNoFaults() throws Exception {
        assertThat(smtp.mailbox()).isEmpty();
        assertThat(smtp.transcript()).hasSessionCount(0);
        mailer.sendWelcome("bob@example.com", "Bob");
        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("bob@example.com");
        assertThat(smtp.transcript()).hasSessionCount(1);
    }
}
