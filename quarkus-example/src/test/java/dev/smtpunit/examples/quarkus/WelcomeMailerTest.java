package dev.smtpunit.examples.quarkus;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpFault;
import dev.smtpunit.quarkus.InjectSmtpServer;
import dev.smtpunit.quarkus.QuarkusSmtpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quarkus' mailer against the server of the test resource; each test sees only its own mail. */
@QuarkusTest
@QuarkusSmtpServer
class WelcomeMailerTest {

    @InjectSmtpServer
    MockSmtpServer smtp;

    @Inject
    WelcomeMailer welcomeMailer;

    @ConfigProperty(name = "quarkus.mailer.timeout")
    Duration sendTimeout;

    @Test
    void sendsTheWelcomeMail() {
        welcomeMailer.sendWelcome("ada@example.com", "Ada");

        assertThat(smtp.mailbox())
                .hasMessageCount(1)
                .hasMessageTo("ada@example.com")
                .hasSubject("Welcome, Ada");
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

        assertThatThrownBy(() -> welcomeMailer.sendWelcome("nobody@example.com", "Nobody"))
                .hasMessageContaining("550");

        assertThat(smtp.mailbox()).isEmpty();
    }

    @Test
    void boundsABlockingSendToTenSeconds() {
        assertThat(sendTimeout).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void injectsTheResourcesServerAsAParameter(MockSmtpServer server) {
        welcomeMailer.sendWelcome("alan@example.com", "Alan");

        assertThat(server).isSameAs(smtp);
        assertThat(server.mailbox()).hasMessageCount(1).hasMessageTo("alan@example.com");
    }

    @Test
    @SmtpFault(on = RCPT, reply = 452, text = "4.2.2 Mailbox full")
    void appliesAnnotatedFaults(MockSmtpServer server) {
        assertThatThrownBy(() -> welcomeMailer.sendWelcome("full@example.com", "Full"))
                .hasMessageContaining("452");

        assertThat(server.mailbox()).isEmpty();
        assertThat(server.transcript().exchanges(RCPT))
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(452));
    }
}
