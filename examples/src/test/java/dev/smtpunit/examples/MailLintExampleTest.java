package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.lint.ReceiverProfile;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/**
 * Example: lint what the application sends, and play Gmail at the end of DATA. With
 * {@code lint = true} every test that sends malformed mail fails after it ran, listing the findings.
 */
@SmtpServer(lint = true, receiverProfile = ReceiverProfile.GMAIL)
class MailLintExampleTest {

    @Test
    void springMultipartMailIsWellFormedAndGmailWouldTakeIt(MockSmtpServer smtp) throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());

        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("billing@shop.example", "Caf\u00e9 Shop");
        helper.setTo("ada@example.com");
        helper.setSubject("Your receipt");
        helper.setText("Thanks for your order, Ada.", "<p>Thanks for your order, <b>Ada</b>.</p>");
        helper.addAttachment(
                "receipt.csv",
                new ByteArrayResource("item,price\r\ntea,3.50\r\n".getBytes(StandardCharsets.UTF_8)),
                "text/csv; charset=UTF-8");
        sender.send(message);

        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(mail).isWellFormed().isAcceptedBy(ReceiverProfile.GMAIL).hasAttachment("receipt.csv");
    }
}
