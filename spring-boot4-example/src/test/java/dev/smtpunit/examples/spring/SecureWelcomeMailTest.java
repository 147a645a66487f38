package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static dev.smtpunit.SmtpPhase.AUTH;
import static dev.smtpunit.SmtpPhase.DATA;
import static dev.smtpunit.SmtpPhase.EHLO;
import static dev.smtpunit.SmtpPhase.MAIL;
import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.SmtpPhase.STARTTLS;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/**
 * STARTTLS and AUTH required: the context's {@code JavaMailSender} trusts the generated certificate
 * (through an SSL bundle, with host-name checking) and logs in, with no property written by hand.
 */
@SpringBootTest
@SmtpServer(startTls = StartTlsMode.REQUIRED, users = "app:secret", requireAuth = true)
class SecureWelcomeMailTest {

    @Autowired
    WelcomeMailService welcomeMail;

    @Test
    void sendsOverTlsAuthenticated(MockSmtpServer smtp) {
        welcomeMail.sendWelcome("ada");

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .wasDeliveredOverTls()
                .wasAuthenticatedAs("app");
        assertThat(smtp.transcript())
                .upgradedToTlsBeforeAuth()
                .containsCommandsInOrder(EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA);
    }
}
