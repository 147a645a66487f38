package dev.smtpunit;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A real client sends plain and multipart mail; the views read it back. */
class JakartaMailTest {

    @Test
    void storesPlainMailOncePerTransactionWithBccInTheEnvelopeOnly() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Session session = Session.getInstance(smtp.properties());
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("App <app@example.com>"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com, bob@example.com"));
            m.setRecipients(Message.RecipientType.CC, InternetAddress.parse("cy@example.com"));
            m.setRecipients(Message.RecipientType.BCC, InternetAddress.parse("hidden@example.com"));
            m.setSubject("Caf\u00e9 report", "UTF-8");
            m.setText("Hello \u2713", "UTF-8");
            Transport.send(m);

            var messages = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
            assertThat(messages).hasSize(1);
            ReceivedMessage mail = messages.get(0);
            assertThat(mail.envelope().recipientAddresses())
                    .containsExactlyInAnyOrder(
                            "ada@example.com", "bob@example.com", "cy@example.com", "hidden@example.com");
            assertThat(mail.to()).containsExactly("ada@example.com", "bob@example.com");
            assertThat(mail.cc()).containsExactly("cy@example.com");
            assertThat(mail.headers("Bcc")).isEmpty();
            assertThat(mail.from()).containsExactly("app@example.com");
            assertThat(mail.subject()).isEqualTo("Caf\u00e9 report");
            assertThat(mail.textBody()).hasValue("Hello \u2713\r\n");
            assertThat(mail.htmlBody()).isEmpty();
            assertThat(mail.isMultipart()).isFalse();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.header("Message-ID")).isPresent();
        }
    }

    @Test
    void readsTextHtmlAndAttachmentsThroughNestedMultiparts() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Session session = Session.getInstance(smtp.properties());
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("app@example.com"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
            m.setSubject("Invoice");

            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Plain invoice", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>HTML invoice</p>", "text/html; charset=UTF-8");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);

            byte[] pdf = "%PDF-1.4 fake \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName("invoice.pdf");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            m.setContent(mixed);
            Transport.send(m);

            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.isMultipart()).isTrue();
            assertThat(mail.contentType()).isEqualTo("multipart/mixed");
            assertThat(mail.textBody()).contains("Plain invoice");
            assertThat(mail.htmlBody()).contains("<p>HTML invoice</p>");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("invoice.pdf");
                assertThat(a.contentType()).isEqualTo("application/pdf");
                assertThat(a.content()).isEqualTo(pdf);
            });
            MimeMessage parsed = mail.mimeMessage();
            parsed.setSubject("changed");
            assertThat(mail.subject()).as("the parsed copy is independent").isEqualTo("Invoice");
        }
    }
}
