package dev.smtpunit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Mail end to end with SMTPUTF8 ({@code mail.mime.allowutf8}) and DSN ({@code mail.smtp.dsn.*}). */
class JakartaMailEsmtpTest {
    private static final String JURGEN = "j\u00fcrgen@b\u00fccher.example";
    private static final String ADA = "\u00e1da@exampl\u00e9.test";

    private static MimeMessage international(Properties props) throws Exception {
        props.setProperty("mail.mime.allowutf8", "true");
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress(JURGEN, "J\u00fcrgen B\u00e4cker", "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(ADA));
        m.setSubject("Gr\u00fc\u00dfe", "UTF-8");
        m.setText("Hallo \u00c1da", "UTF-8");
        return m;
    }

    @Test
    void sendsUtf8AddressesAndHeadersWhenSmtpUtf8IsOffered() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().smtpUtf8(true).build())) {
            Transport.send(international(smtp.properties()));

            ReceivedMessage m =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(m.envelope().isSmtpUtf8()).isTrue();
            assertThat(m.envelope().sender()).isEqualTo(JURGEN);
            assertThat(m.envelope().recipientAddresses()).containsExactly(ADA);
            assertThat(m.subject()).isEqualTo("Gr\u00fc\u00dfe");
            assertThat(m.from()).contains(JURGEN);
            assertThat(smtp.transcript().toString()).contains("C: MAIL FROM:<" + JURGEN + "> SMTPUTF8");
        }
    }

    @Test
    void aUtf8AddressIsRefusedWith553WhenSmtpUtf8IsNotOffered() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            MimeMessage message = international(smtp.properties());
            assertThatThrownBy(() -> Transport.send(message))
                    .hasStackTraceContaining("550 5.6.7 Non-ASCII sender address");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void rawUtf8HeadersAreRefusedWhenTheTransactionDidNotDeclareSmtpUtf8() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.from", "bounces@example.com"); // an ASCII envelope sender
            MimeMessage message = international(props); // From: jürgen@bücher.example, written as raw UTF-8
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
            assertThatThrownBy(() -> Transport.send(message))
                    .hasStackTraceContaining("554 5.6.9 Message refused: 8-bit octets"
                            + " in the header section, but MAIL did not declare SMTPUTF8");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void sendsDsnRequestsWhenDsnIsOffered() throws Exception {
        try (MockSmtpServer smtp =
                MockSmtpServer.started(SmtpServerOptions.builder().dsn(true).build())) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.dsn.notify", "SUCCESS,FAILURE");
            props.setProperty("mail.smtp.dsn.ret", "HDRS");
            Transport.send(Mail.simple(Session.getInstance(props), "app@example.com", "ada@example.com", "dsn", "x"));

            Envelope env = smtp.mailbox()
                    .awaitMessages(1, Duration.ofSeconds(5))
                    .get(0)
                    .envelope();
            assertThat(env.dsnReturn()).hasValue(DsnReturn.HDRS);
            assertThat(env.recipients().get(0).dsnNotify())
                    .containsExactlyInAnyOrder(DsnNotify.SUCCESS, DsnNotify.FAILURE);
        }
    }

    @Test
    void sendsNoDsnRequestsToAServerThatDoesNotOfferDsn() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.dsn.notify", "SUCCESS");
            Transport.send(Mail.simple(Session.getInstance(props), "app@example.com", "ada@example.com", "dsn", "x"));

            Envelope env = smtp.mailbox()
                    .awaitMessages(1, Duration.ofSeconds(5))
                    .get(0)
                    .envelope();
            assertThat(env.recipients().get(0).dsnNotify()).isEmpty();
        }
    }
}
