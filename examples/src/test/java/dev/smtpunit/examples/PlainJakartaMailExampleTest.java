package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/** Example 1: plain Jakarta Mail, one server per test, injected as a parameter. */
@SmtpServer
class PlainJakartaMailExampleTest {

    @Test
    void sendsAMailThatArrivesWithSubjectBodyAndRecipients(MockSmtpServer smtp) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", smtp.host());
        props.setProperty("mail.smtp.port", String.valueOf(smtp.port()));

        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("shop@example.com"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        message.setRecipients(Message.RecipientType.BCC, InternetAddress.parse("audit@example.com"));
        message.setSubject("Your order #1001");
        message.setText("Thanks for your order. It ships tomorrow.");
        Transport.send(message);

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .hasSubject("Your order #1001")
                .hasTextBodyContaining("ships tomorrow")
                .hasTo("ada@example.com")
                .hasEnvelopeRecipients("ada@example.com", "audit@example.com")
                .hasEnvelopeSender("shop@example.com");
    }
}
