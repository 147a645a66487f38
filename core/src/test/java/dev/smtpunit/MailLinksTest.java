package dev.smtpunit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** ReceivedMessage.links(): the links of the HTML and text parts, with their text and part. */
class MailLinksTest {

    @Test
    void linksComeFromTheHtmlAndTheTextPartWithTheirTextAndPart() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            MimeMessage m = new MimeMessage(Session.getInstance(smtp.properties()));
            m.setFrom(new InternetAddress("app@shop.example"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
            m.setSubject("Confirm your address");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(
                    "Confirm: https://shop.example/confirm?token=a%2Fb&lang=en.\nHelp: mailto:help@shop.example",
                    "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(
                    "<p>Please <a href=\"https://shop.example/confirm?token=a%2Fb&amp;lang=en\">\n  confirm   your"
                            + " <b>address</b></a>.</p><a href='https://shop.example/'><img src=\"https://shop.example/l.png\""
                            + " alt=\"Shop home\"></a>",
                    "text/html; charset=UTF-8");
            m.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(m);

            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.links())
                    .extracting(MailLink::toString)
                    .containsExactly(
                            "https://shop.example/confirm?token=a%2Fb&lang=en (part 1, text/plain)",
                            "mailto:help@shop.example (part 1, text/plain)",
                            "https://shop.example/confirm?token=a%2Fb&lang=en \"confirm your address\" (part 2, text/html)",
                            "https://shop.example/ \"Shop home\" (part 2, text/html)");
            MailLink confirm = mail.links().get(2);
            assertThat(confirm.queryParameter("token")).hasValue("a/b");
            assertThat(confirm.queryParameter("lang")).hasValue("en");
            assertThat(confirm.queryParameter("missing")).isEmpty();
            assertThat(confirm.host()).isEqualTo("shop.example");
        }
    }
}
