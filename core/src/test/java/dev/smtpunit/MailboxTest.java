package dev.smtpunit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTest {

    @Test
    void awaitReturnsAsSoonAsTheMailArrives() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    Mail.send(smtp.properties(), "late");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(10)))
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("late");
            assertThat(smtp.mailbox()
                            .awaitMessage(m -> m.subject().equals("late"), Duration.ofSeconds(1))
                            .subject())
                    .isEqualTo("late");
            sending.join();
        }
    }

    @Test
    void failsPastTheDeadlineListingWhatArrived() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            assertThatThrownBy(() -> smtp.mailbox().awaitMessages(1, Duration.ofMillis(50)))
                    .isInstanceOf(Mailbox.MailboxTimeoutException.class)
                    .hasMessage("Expected at least 1 message within 50 ms but the mailbox is empty.");
            Mail.send(smtp.properties(), "only one");
            assertThatThrownBy(() -> smtp.mailbox().awaitMessages(2, Duration.ofMillis(50)))
                    .hasMessage("Expected at least 2 messages within 50 ms but 1 message arrived:\n"
                            + "  1. Subject: \"only one\", envelope from=<app@example.com> to=[ada@example.com], "
                            + smtp.mailbox().messages().get(0).size() + " bytes\n");
            assertThatThrownBy(
                            () -> smtp.mailbox().awaitMessage(m -> m.subject().equals("other"), Duration.ofMillis(20)))
                    .hasMessageStartingWith(
                            "Expected a message matching the predicate within 20 ms but none of these matched:\n"
                                    + "  1. Subject: \"only one\", envelope from=<app@example.com>");
            assertThatThrownBy(() -> smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(10)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected no message within 10 ms but 1 message arrived:");
        }
    }

    @Test
    void handsOutSnapshots() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            var before = smtp.mailbox().messages();
            Mail.send(smtp.properties(), "x");
            smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
            assertThat(before).isEmpty();
            assertThatThrownBy(() -> smtp.mailbox().messages().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            smtp.mailbox().clear();
            assertThat(smtp.mailbox().isEmpty()).isTrue();
        }
    }
}
