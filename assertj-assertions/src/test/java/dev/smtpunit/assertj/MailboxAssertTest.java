package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.internal.Bounded;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxAssertTest {
    private MockSmtpServer smtp;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer().start();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private String listing() {
        return Bounded.messages(smtp.mailbox().messages()).stripTrailing();
    }

    @Test
    void countsMessages() throws Exception {
        assertThat(smtp.mailbox()).isEmpty();
        Send.text(smtp, "app@example.com", "ada@example.com", "One", "x");
        assertThat(smtp.mailbox()).hasMessageCount(1);
        assertThat(smtp).hasMessageCount(1);
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageCount(2))
                .hasMessage(
                        String.format("%nExpecting mailbox to hold 2 messages%nbut it holds 1 message:%n" + listing()));
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).isEmpty())
                .hasMessage(
                        String.format("%nExpecting mailbox to hold 0 messages%nbut it holds 1 message:%n" + listing()));
    }

    @Test
    void findsAMessageAndNamesTheNearestWhenNoneMatches() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome, Ada", "x");
        Send.text(smtp, "app@example.com", "bob@example.org", "Welcome, Bob", "x");
        assertThat(smtp.mailbox()).hasMessageTo("bob@example.org").hasSubject("Welcome, Bob");
        assertThat(smtp.mailbox()).hasMessageFrom("app@example.com");
        assertThat(smtp.mailbox()).hasMessageWithSubject("Welcome, Ada").hasEnvelopeRecipients("ada@example.com");
        assertThat(smtp.mailbox()).hasMessageMatching(m -> m.subject().endsWith("Bob"), "a subject ending in Bob");

        assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageTo("ada@example.org"))
                .hasMessage(String.format(
                        "%nExpecting mailbox to contain a message to <ada@example.org>%nbut it holds 2 messages:%n"
                                + listing() + "%nThe nearest is message 1: its recipients are [ada@example.com]."));
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageWithSubject("Welcome, Bobby"))
                .hasMessage(String.format(
                        "%nExpecting mailbox to contain a message with subject \"Welcome, Bobby\"%nbut it holds 2 messages:%n"
                                + listing() + "%nThe nearest is message 2: its subject is \"Welcome, Bob\"."));
        assertThatThrownBy(() ->
                        assertThat(smtp.mailbox()).hasMessageMatching(m -> m.size() > 1_000_000, "over a megabyte"))
                .hasMessage(String.format(
                        "%nExpecting mailbox to contain a message matching over a megabyte%nbut it holds 2 messages:%n"
                                + listing()));
    }

    @Test
    void saysTheMailboxIsEmpty() {
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageFrom("app@example.com"))
                .hasMessage(String.format(
                        "%nExpecting mailbox to contain a message from <app@example.com>%nbut it is empty."));
    }

    @Test
    void checksEveryMessage() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "A", "x");
        Send.text(smtp, "app@example.com", "bob@example.com", "B", "x");
        assertThat(smtp.mailbox()).allMessagesSatisfy(m -> assertThat(m).isFrom("app@example.com"));
        assertThat(smtp.mailbox())
                .messages()
                .extracting(ReceivedMessage::subject)
                .containsExactly("A", "B");
        assertThatThrownBy(() -> assertThat(smtp.mailbox())
                        .allMessagesSatisfy(m -> assertThat(m).hasSubject("A")))
                .hasMessageStartingWith(
                        String.format(
                                "%nExpecting mailbox to hold only messages that satisfy the requirements,"
                                        + " but message 2 does not:%nExpecting message:%n  Subject: \"B\", envelope from=<app@example.com>"));
    }

    @Test
    void eventuallyWaitsForLateMail() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            try {
                waiting.await(5, TimeUnit.SECONDS);
                Send.text(smtp, "app@example.com", "ada@example.com", "Late", "x");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.countDown();
        assertThat(smtp.mailbox()).eventually().hasMessageTo("ada@example.com").hasSubject("Late");
        assertThat(smtp).eventually().hasMessageCount(1);
        late.join();
    }

    @Test
    void eventuallyFailsAfterTheDeadlineWithEvidence() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "Only", "x");
        long start = System.nanoTime();
        assertThatThrownBy(() -> assertThat(smtp.mailbox())
                        .eventually(Duration.ofMillis(300))
                        .hasMessageCount(2))
                .hasMessage(String.format(
                        "%nAfter waiting 300 ms:%nExpecting mailbox to hold 2 messages%nbut it holds 1 message:%n"
                                + listing()));
        org.assertj.core.api.Assertions.assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(300);
    }

    @Test
    void staysEmptyFailsAtOnceWhenMailIsThere() throws Exception {
        assertThat(smtp.mailbox()).staysEmptyFor(Duration.ofMillis(50));
        Send.text(smtp, "app@example.com", "ada@example.com", "Oops", "x");
        long start = System.nanoTime();
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).staysEmptyFor(Duration.ofSeconds(30)))
                .hasMessage(String.format(
                        "%nExpecting mailbox to stay empty for 30 s%nbut it holds 1 message:%n" + listing()));
        org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void receivesNoMoreMessagesCountsOnlyWhatArrivesAfterTheCall() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome", "x");
        Send.text(smtp, "app@example.com", "ada@example.com", "Receipt", "x");
        assertThat(smtp.mailbox()).eventually().hasMessageCount(2);
        assertThat(smtp.mailbox()).receivesNoMoreMessagesWithin(Duration.ofMillis(50));

        Thread test = Thread.currentThread();
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                // the test thread waits (TIMED_WAITING) only inside receivesNoMoreMessagesWithin, after it counted 2
                Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> test.getState() == Thread.State.TIMED_WAITING);
                Send.text(smtp, "app@example.com", "ada@example.com", "Duplicate", "x");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).receivesNoMoreMessagesWithin(Duration.ofSeconds(20)))
                .hasMessage(String.format(
                        "%nExpecting mailbox to receive no more messages within 20 s after the 2 it held%n"
                                + "but 1 more arrived; it holds 3 messages:%n" + listing()));
        third.join();
    }

    @Test
    void rejectsANonPositiveDefaultTimeout() {
        assertThatThrownBy(() -> SmtpAssertions.setDefaultTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default timeout must be positive, was PT0S");
    }
}
