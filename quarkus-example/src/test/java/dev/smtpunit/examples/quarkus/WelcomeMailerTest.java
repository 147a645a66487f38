package dev.smtpunit.examples.quarkus;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.quarkus.InjectSmtpServer;
import dev.smtpunit.quarkus.QuarkusSmtpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quarkus' mailer against the server of the test resource; each test sees only its own mail. */
@QuarkusTest
@QuarkusSmtpServer
class WelcomeMailerTest {

    @InjectSmtpServer
    MockSmtpServer smtp;

    @Inject
    WelcomeMailer welcomeMailer;

    @Test
    void sendsTheWelcomeMail() {
        welcomeMailer.sendWelcome("ada@example.com", "Ada");

        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("ada@example.com").hasSubject("Welcome, Ada");
        assertThat(smtp.mailbox().messages().get(0)).hasTextBodyContaining("Hello Ada,");
    }

    @Test
    void seesOnlyItsOwnMailAndFaults() {
        welcomeMailer.sendWelcome("grace@example.com", "Grace");

        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("grace@example.com");
        assertThat(smtp.transcript()).hasSessionCount(1);
    }

    @Test
    void reportsARefusal() {
        smtp.faults().on(RCPT).always().reply(550, "5.1.1 No such user");

        assertThatThrownBy(() -> welcomeMailer.sendWelcome("nobody@example.com", "Nobody")).hasMessageContaining("550");

        assertThat(smtp.mailbox()).isEmpty();
    }
}
