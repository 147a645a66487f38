package dev.smtpunit.examples.quarkus;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.quarkus.InjectSmtpServer;
import dev.smtpunit.quarkus.QuarkusSmtpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/** STARTTLS and AUTH required: the mailer trusts the generated certificate and logs in. */
@QuarkusTest
@QuarkusSmtpServer(@SmtpServer(startTls = StartTlsMode.REQUIRED, users = "app:secret", requireAuth = true))
class SecureWelcomeMailerTest {

    @InjectSmtpServer
    MockSmtpServer smtp;

    @Inject
    WelcomeMailer welcomeMailer;

    @Test
    void sendsOverTlsAuthenticated() {
        welcomeMailer.sendWelcome("ada@example.com", "Ada");

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .wasDeliveredOverTls()
                .wasAuthenticatedAs("app");
        assertThat(smtp.transcript()).upgradedToTlsBeforeAuth();
    }
}
