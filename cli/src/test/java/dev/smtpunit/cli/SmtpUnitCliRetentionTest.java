package dev.smtpunit.cli;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line server may run for hours: it keeps the last 500 messages in memory, and saves every one. */
class SmtpUnitCliRetentionTest {

    @Test
    void keeps500MessagesUnlessToldOtherwise() {
        assertThat(SmtpUnitCli.parse(new String[0]).options().maxStoredMessages()).isEqualTo(500);
        assertThat(SmtpUnitCli.parse(new String[] {"--max-messages", "0"}).options().maxStoredMessages()).isZero();
        assertThat(SmtpUnitCli.parse(new String[] {"--max-messages", "20"}).options().maxStoredMessages()).isEqualTo(20);
        assertThat(SmtpUnitCli.parse(new String[] {"--line-deadline", "30"}).options().lineDeadline())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SmtpUnitCli.usage()).contains("--max-messages N", "--line-deadline SECS");
    }

    @Test
    void savesEveryMessageEvenThoseDroppedFromMemory(@TempDir Path dir) throws Exception {
        SmtpUnitCli.Parsed parsed = SmtpUnitCli.parse(new String[] {"--port", "0", "--max-messages", "2", "--save-dir",
            dir.toString()});
        try (MockSmtpServer smtp = SmtpUnitCli.start(parsed, new PrintStream(new ByteArrayOutputStream()))) {
            for (int i = 1; i <= 4; i++) {
                try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
                    assertThat(client.reply()).startsWith("220 ");
                    assertThat(RawClient.lastLine(client.command("EHLO x"))).startsWith("250 ");
                    assertThat(client.command("MAIL FROM:<app@example.com>")).startsWith("250 ");
                    assertThat(client.command("RCPT TO:<ada@example.com>")).startsWith("250 ");
                    assertThat(client.command("DATA")).startsWith("354 ");
                    assertThat(client.command("Subject: m" + i + "\r\n\r\nbody\r\n.")).startsWith("250 ");
                    assertThat(client.command("QUIT")).startsWith("221 ");
                }
            }
            assertThat(smtp.mailbox().size()).isEqualTo(2);
            assertThat(smtp.mailbox().droppedCount()).isEqualTo(2);
            for (int i = 1; i <= 4; i++) {
                assertThat(Files.readString(dir.resolve(String.format("%04d.eml", i)))).startsWith("Subject: m" + i + "\r\n");
            }
        }
    }
}
