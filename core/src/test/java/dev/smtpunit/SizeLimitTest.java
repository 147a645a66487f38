package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeLimitTest {
    private final SmtpServerOptions options =
            SmtpServerOptions.builder().maxMessageSize(1000).build();

    @Test
    void advertisesTheLimitAndRefusesADeclaredSizeAtMail() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(options);
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("EHLO x")).contains("\n250 SIZE 1000");
            assertThat(c.command("MAIL FROM:<a@example.com> SIZE=1001"))
                    .isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size");
            assertThat(c.command("MAIL FROM:<a@example.com> SIZE=1000")).startsWith("250 ");
        }
    }

    @Test
    void refusesAnOversizedMessageAtTheEndOfDataAndStoresNothing() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(options);
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            assertThat(c.command("Subject: big\r\n\r\n" + "0123456789\r\n".repeat(100) + "."))
                    .isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size of 1000 bytes");
            assertThat(c.command("NOOP")).startsWith("250");
            smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(20));
        }
    }

    @Test
    void jakartaMailSeesThe552() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(options)) {
            var props = smtp.properties();
            var session = jakarta.mail.Session.getInstance(props);
            var message = Mail.simple(session, "a@example.com", "b@example.com", "big", "x".repeat(5000));
            assertThatThrownBy(() -> jakarta.mail.Transport.send(message))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("552");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }
}
