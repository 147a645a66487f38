package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP smuggling: only {@code <CRLF>.<CRLF>} ends a message. Each variant below would end DATA on a
 * lenient server and let the rest be read as a second, smuggled transaction.
 */
class SmugglingTest {

    @ParameterizedTest(name = "end-of-data variant {0}")
    @ValueSource(strings = {"\n.\r\n", "\r\n.\n", "\n.\n", "\r.\r\n", "\r\n.\r", "\r.\r"})
    void neverEndsDataOnAnythingButCrLfDotCrLf(String fakeEnd) throws Exception {
        String escaped = fakeEnd.replace("\r", "<CR>").replace("\n", "<LF>");
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO attacker.test");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            c.sendRaw(
                    "Subject: first\r\n\r\nhello" + fakeEnd
                            + "MAIL FROM:<evil@example.com>\r\nRCPT TO:<victim@example.com>\r\nDATA\r\nSubject: smuggled\r\n\r\nx\r\n.\r\n");
            assertThat(c.reply())
                    .as("reply after the only real end of data, variant %s", escaped)
                    .startsWith("554 5.6.0 Message refused: bare <");
            assertThat(c.command("NOOP")).as("no smuggled command was answered").startsWith("250 2.0.0 OK");
            smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(50));
            assertThat(smtp.transcript().commands())
                    .containsExactly(SmtpPhase.EHLO, SmtpPhase.MAIL, SmtpPhase.RCPT, SmtpPhase.DATA, SmtpPhase.NOOP);
            assertThat(smtp.transcript().session(1).events())
                    .extracting(TranscriptEntry.Event::kind)
                    .contains(TranscriptEntry.Kind.PROTOCOL_VIOLATION);
        }
    }

    @ParameterizedTest(name = "a line of {0} that is not an end marker")
    @ValueSource(strings = {"..\r\n", ". \r\n", ".x\r\n"})
    void keepsDotLinesThatAreNotTheEndMarker(String line) throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            c.sendRaw("Subject: s\r\n\r\n" + line + "tail\r\n.\r\n");
            assertThat(c.reply()).startsWith("250 ");
            assertThat(smtp.mailbox()
                            .awaitMessages(1, Duration.ofSeconds(5))
                            .get(0)
                            .rawContent())
                    .isEqualTo("Subject: s\r\n\r\n" + line.substring(1) + "tail\r\n");
        }
    }
}
