package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/** Example 4: implicit TLS (SMTPS, RFC 8314) on its own port. */
@SmtpServer(smtps = true)
class SmtpsExampleTest {

    @Test
    void deliversOverImplicitTls(MockSmtpServer smtp) throws Exception {
        MimeMessage message =
                new MimeMessage(Session.getInstance(smtp.clientTrust().smtpsProperties(smtp)));
        message.setFrom(new InternetAddress("bank@example.com"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        message.setSubject("Statement ready");
        message.setText("Your statement is ready.");
        Transport.send(message);

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .hasSubject("Statement ready")
                .wasDeliveredOverTls();
    }
}
