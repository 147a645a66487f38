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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The command-line server may run for hours: it keeps the last 500 messages in memory, and saves every one. */
class SmtpUnitCliRetentionTest {

    @Test
    void keeps500MessagesUnlessToldOtherwise() {
        assertThat(SmtpUnitCli.parse(new String[0]).options().maxStoredMessages())
                .isEqualTo(500);
        assertThat(SmtpUnitCli.parse(new String[] {"--max-messages", "0"})
                        .options()
                        .maxStoredMessages())
                .isZero();
        assertThat(SmtpUnitCli.parse(new String[] {"--max-messages", "20"})
                        .options()
                        .maxStoredMessages())
                .isEqualTo(20);
        assertThat(SmtpUnitCli.parse(new String[] {"--line-deadline", "30"})
                        .options()
                        .lineDeadline())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SmtpUnitCli.usage()).contains("--max-messages N", "--line-deadline SECS");
    }

    @Test
    void keeps1000SessionsOf200EntriesUnlessToldOtherwise() {
        assertThat(SmtpUnitCli.parse(new String[0]).options().maxTranscriptSessions())
                .isEqualTo(1000);
        assertThat(SmtpUnitCli.parse(new String[0]).options().maxTranscriptEntries())
                .isEqualTo(200);
        SmtpUnitCli.Parsed all = SmtpUnitCli.parse(new String[] {"--max-sessions", "0", "--max-entries", "0"});
        assertThat(all.options().maxTranscriptSessions()).isZero();
        assertThat(all.options().maxTranscriptEntries()).isZero();
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--max-entries", "1"}))
                .hasMessage("--max-sessions takes 0 or more, --max-entries 0 or at least 2; were 1000 and 1");
        assertThat(SmtpUnitCli.usage()).contains("--max-sessions N", "--max-entries N");
    }

    @Test
    void theTranscriptOfALongRunningServerStaysBounded() throws Exception {
        SmtpUnitCli.Parsed parsed =
                SmtpUnitCli.parse(new String[] {"--port", "0", "--max-sessions", "2", "--max-entries", "4"});
        try (MockSmtpServer smtp = SmtpUnitCli.start(parsed, new PrintStream(new ByteArrayOutputStream()))) {
            for (int i = 1; i <= 3; i++) {
                try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
                    assertThat(client.reply()).startsWith("220 ");
                    for (int n = 0; n < 50; n++) {
                        assertThat(client.command("NOOP")).startsWith("250 ");
                    }
                    assertThat(client.command("QUIT")).startsWith("221 ");
                }
                int session = i;
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> smtp.transcript().session(session).isClosed());
            }
            assertThat(smtp.transcript().sessions()).extracting(s -> s.id()).containsExactly(2, 3);
            assertThat(smtp.transcript().droppedSessionCount()).isEqualTo(1);
            assertThat(smtp.transcript().session(3).droppedEntryCount()).isEqualTo(50);
            assertThat(smtp.transcript().toString())
                    .startsWith(
                            "(1 session dropped, the oldest closed first, to keep within maxTranscriptSessions)\n--- session 2 ");
        }
    }

    @Test
    void savesEveryMessageEvenThoseDroppedFromMemory(@TempDir Path dir) throws Exception {
        SmtpUnitCli.Parsed parsed =
                SmtpUnitCli.parse(new String[] {"--port", "0", "--max-messages", "2", "--save-dir", dir.toString()});
        try (MockSmtpServer smtp = SmtpUnitCli.start(parsed, new PrintStream(new ByteArrayOutputStream()))) {
            for (int i = 1; i <= 4; i++) {
                try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
                    assertThat(client.reply()).startsWith("220 ");
                    assertThat(RawClient.lastLine(client.command("EHLO x"))).startsWith("250 ");
                    assertThat(client.command("MAIL FROM:<app@example.com>")).startsWith("250 ");
                    assertThat(client.command("RCPT TO:<ada@example.com>")).startsWith("250 ");
                    assertThat(client.command("DATA")).startsWith("354 ");
                    assertThat(client.command("Subject: m" + i + "\r\n\r\nbody\r\n."))
                            .startsWith("250 ");
                    assertThat(client.command("QUIT")).startsWith("221 ");
                }
            }
            assertThat(smtp.mailbox().size()).isEqualTo(2);
            assertThat(smtp.mailbox().droppedCount()).isEqualTo(2);
            for (int i = 1; i <= 4; i++) {
                assertThat(Files.readString(dir.resolve(String.format("%04d.eml", i))))
                        .startsWith("Subject: m" + i + "\r\n");
            }
        }
    }
}
