package dev.smtpunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void deliversOneMessage() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start(); RawClient c = RawClient.connect(smtp)) {
            assertThat(c.reply()).isEqualTo("220 localhost ESMTP SmtpUnit");
            System.out.println(c.command("EHLO client.test"));
            System.out.println(c.command("MAIL FROM:<a@example.com>"));
            System.out.println(c.command("RCPT TO:<b@example.com>"));
            System.out.println(c.command("DATA"));
            System.out.println(c.command("Subject: hi\r\n\r\nbody\r\n."));
            System.out.println(c.command("QUIT"));
            var m = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            System.out.println(m + " " + m.envelope());
            System.out.println(smtp.transcript());
        }
    }
}
