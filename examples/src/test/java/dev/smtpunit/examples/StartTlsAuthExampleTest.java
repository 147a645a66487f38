package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static dev.smtpunit.SmtpPhase.AUTH;
import static dev.smtpunit.SmtpPhase.DATA;
import static dev.smtpunit.SmtpPhase.EHLO;
import static dev.smtpunit.SmtpPhase.MAIL;
import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.SmtpPhase.STARTTLS;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/** Example 3: STARTTLS required, AUTH PLAIN, trusting the server's generated certificate. */
@SmtpServer(startTls = StartTlsMode.REQUIRED, users = "mailer:s3cret", requireAuth = true)
class StartTlsAuthExampleTest {

    @Test
    void upgradesToTlsBeforeAuthenticating(MockSmtpServer smtp) throws Exception {
        Properties props = smtp.clientTrust().startTlsProperties(smtp);
        props.setProperty("mail.smtp.auth", "true");
        props.setProperty("mail.smtp.auth.mechanisms", "PLAIN");

        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("mailer@example.com"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        message.setSubject("Your login code");
        message.setText("Code: 482913");
        Transport.send(message, "mailer", "s3cret");

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .wasDeliveredOverTls()
                .wasAuthenticatedAs("mailer")
                .hasTextBodyMatching("Code: \\d{6}");
        assertThat(smtp.transcript())
                .containsCommandsInOrder(EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA)
                .upgradedToTlsBeforeAuth()
                .usedAuthMechanism("PLAIN");
    }

    @Test
    void jakartaMailLeftToChooseAuthenticatesWithLogin(MockSmtpServer smtp) throws Exception {
        Properties props = smtp.clientTrust().startTlsProperties(smtp);
        props.setProperty(
                "mail.smtp.auth", "true"); // the server offers PLAIN and LOGIN; Jakarta Mail tries LOGIN first

        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("mailer@example.com"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        message.setText("Code: 482913");
        Transport.send(message, "mailer", "s3cret");

        assertThat(smtp.transcript()).usedAuthMechanism("LOGIN");
    }
}
