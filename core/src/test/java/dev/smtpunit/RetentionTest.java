package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code maxStoredMessages}: the oldest messages are dropped, counted and recorded, never silently. */
class RetentionTest {

    static void send(MockSmtpServer smtp, String subject) throws IOException {
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<app@example.com>");
            c.command("RCPT TO:<ada@example.com>");
            c.command("DATA");
            assertThat(c.command("Subject: " + subject + "\r\n\r\nbody\r\n.")).startsWith("250 ");
        }
    }

    private static List<String> subjects(List<ReceivedMessage> messages) {
        return messages.stream().map(ReceivedMessage::subject).toList();
    }

    @Test
    void keepsEveryMessageByDefault() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            assertThat(smtp.options().maxStoredMessages()).isZero();
            for (int i = 1; i <= 5; i++) {
                send(smtp, "m" + i);
            }
            assertThat(smtp.mailbox().size()).isEqualTo(5);
            assertThat(smtp.mailbox().droppedCount()).isZero();
        }
    }

    @Test
    void dropsTheOldestCountsThemAndRecordsEachDropInTheTranscript() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().maxStoredMessages(3).build())) {
            for (int i = 1; i <= 5; i++) {
                send(smtp, "m" + i);
            }
            assertThat(subjects(smtp.mailbox().messages())).containsExactly("m3", "m4", "m5");
            assertThat(smtp.mailbox().droppedCount()).isEqualTo(2);
            assertThat(smtp.transcript().session(4).events())
                    .filteredOn(e -> e.kind() == TranscriptEntry.Kind.MESSAGE_DROPPED)
                    .extracting(TranscriptEntry.Event::detail)
                    .containsExactly(
                            "mailbox full (maxStoredMessages 3): dropped the oldest message, from session 1, 1 dropped so far");
            assertThat(smtp.transcript().session(5).events())
                    .filteredOn(e -> e.kind() == TranscriptEntry.Kind.MESSAGE_DROPPED)
                    .extracting(TranscriptEntry.Event::detail)
                    .containsExactly(
                            "mailbox full (maxStoredMessages 3): dropped the oldest message, from session 2, 2 dropped so far");
            assertThat(smtp.mailbox().summary())
                    .endsWith("(and 2 older messages were dropped to keep within maxStoredMessages)\n");

            // positions count dropped messages too: a follower keeps its place
            assertThat(subjects(smtp.mailbox().messagesAfter(0))).containsExactly("m3", "m4", "m5");
            assertThat(subjects(smtp.mailbox().messagesAfter(3))).containsExactly("m4", "m5");
            assertThat(smtp.mailbox().messagesAfter(5)).isEmpty();
            send(smtp, "m6");
            assertThat(subjects(smtp.mailbox().awaitMessagesAfter(5, Duration.ofSeconds(5))))
                    .containsExactly("m6");

            assertThatThrownBy(() -> smtp.mailbox().awaitMessages(4, Duration.ofMillis(50)))
                    .hasMessageContaining("(and 3 older messages were dropped to keep within maxStoredMessages)");
            smtp.reset();
            assertThat(smtp.mailbox().droppedCount()).isZero();
            assertThat(smtp.mailbox().isEmpty()).isTrue();
        }
    }

    @Test
    void optionsRefuseANegativeLimit() {
        assertThatThrownBy(() -> SmtpServerOptions.builder().maxStoredMessages(-1))
                .hasMessage("maxStoredMessages must be 0 (no limit) or positive, was -1");
        assertThatThrownBy(() -> SmtpServerOptions.builder().lineDeadline(Duration.ofSeconds(-1)))
                .hasMessage("lineDeadline must be zero (none) or positive, was PT-1S");
        assertThatThrownBy(() -> SmtpServerOptions.builder().tlsHandshakeTimeout(Duration.ZERO))
                .hasMessage("tlsHandshakeTimeout must be positive, was PT0S");
        assertThat(SmtpServerOptions.defaults().maxConnections()).isEqualTo(100);
        assertThat(SmtpServerOptions.defaults().tlsHandshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(SmtpServerOptions.defaults().lineDeadline()).isEqualTo(Duration.ZERO);
    }
}
