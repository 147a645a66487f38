package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Transcript#extensionsUsed()} reads the extensions from what the client sent. */
class ExtensionsUsedTest {

    @Test
    void readsPipeliningAndTheParametersOfMailAndRcpt() throws Exception {
        SmtpServerOptions options =
                SmtpServerOptions.builder().maxMessageSize(10_000).dsn(true).build();
        try (MockSmtpServer smtp = MockSmtpServer.started(options);
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO client.test");
            assertThat(smtp.transcript().extensionsUsed()).isEmpty();
            c.sendRaw(
                    "MAIL FROM:<\"a> b\"@example.com> SIZE=20 BODY=8BITMIME\r\nRCPT TO:<b@example.com> NOTIFY=NEVER\r\n");
            assertThat(c.reply()).startsWith("250 ");
            assertThat(c.reply()).startsWith("250 ");
            c.command("DATA");
            c.command("Subject: x\r\n\r\n.");
            smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
            assertThat(smtp.transcript().extensionsUsed()).containsExactly("SIZE", "8BITMIME", "PIPELINING", "DSN");
        }
    }

    @Test
    void aPlainClientUsesNone() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("HELO client.test");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            assertThat(smtp.transcript().extensionsUsed()).isEmpty();
        }
    }
}
