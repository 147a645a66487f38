package dev.smtpunit.examples;

import dev.smtpunit.DsnNotify;
import dev.smtpunit.DsnReturn;
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

/** Example: a sender with an internationalised address that asks for delivery notifications. */
class InternationalMailAndDsnExampleTest {

    @Test
    void sendsUtf8AddressesAndAsksForDeliveryReceipts(@SmtpServer(smtpUtf8 = true, dsn = true) MockSmtpServer smtp)
            throws Exception {
        Properties props = smtp.properties();
        props.setProperty("mail.mime.allowutf8", "true"); // SMTPUTF8 when the server offers it
        props.setProperty("mail.smtp.dsn.notify", "SUCCESS,FAILURE"); // NOTIFY on every RCPT
        props.setProperty("mail.smtp.dsn.ret", "HDRS"); // RET on MAIL

        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("bestellung@bücher.example"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("jürgen@example.com"));
        message.setSubject("Ihre Bestellung ist unterwegs", "UTF-8");
        message.setText("Grüße aus Köln", "UTF-8");
        Transport.send(message);

        assertThat(smtp)
                .eventually()
                .hasMessageTo("jürgen@example.com")
                .isSmtpUtf8()
                .hasEnvelopeSender("bestellung@bücher.example")
                .hasDsnReturn(DsnReturn.HDRS)
                .hasDsnNotify("jürgen@example.com", DsnNotify.SUCCESS, DsnNotify.FAILURE);
        assertThat(smtp.transcript()).usedExtensions("SMTPUTF8", "DSN");
    }
}
