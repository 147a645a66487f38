package dev.smtpunit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer follows the mailbox with a listener or by keeping its place, without copying it all. */
class MailboxFollowingTest {

    @Test
    void aListenerSeesEachMessageInOrderBeforeTheClientGetsItsReply() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            List<String> heard = new CopyOnWriteArrayList<>();
            Mailbox.Subscription s = smtp.mailbox().onMessage(m -> heard.add(m.subject()));
            Mail.send(smtp.properties(), "one");
            assertThat(heard).as("heard before Transport.send returned").containsExactly("one");
            Mail.send(smtp.properties(), "two");
            assertThat(heard).containsExactly("one", "two");
            s.close();
            s.close();
            Mail.send(smtp.properties(), "three");
            assertThat(heard).containsExactly("one", "two");
            assertThat(smtp.mailbox().size()).isEqualTo(3);
        }
    }

    @Test
    void aFailingListenerLosesNothingAndBreaksNothing() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            smtp.mailbox().onMessage(m -> {
                throw new IllegalStateException("listener bug");
            });
            List<String> heard = new CopyOnWriteArrayList<>();
            smtp.mailbox().onMessage(m -> heard.add(m.subject()));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream err = System.err;
            System.setErr(
                    new PrintStream(printed, true, StandardCharsets.UTF_8)); // this module's tests run one at a time
            try {
                Mail.send(smtp.properties(), "kept");
            } finally {
                System.setErr(err);
            }
            assertThat(smtp.mailbox().messages())
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("kept");
            assertThat(heard).containsExactly("kept");
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .matches(
                            "SmtpUnit: a mailbox listener failed on "
                                    + "ReceivedMessage\\[Subject: \"kept\", envelope from=<app@example.com> .*\\]: java.lang.IllegalStateException: listener bug\\R");
        }
    }

    @Test
    void messagesAfterGivesWhatArrivedSinceTheLastLook() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Mailbox mailbox = smtp.mailbox();
            assertThat(mailbox.messagesAfter(0)).isEmpty();
            Mail.send(smtp.properties(), "one");
            Mail.send(smtp.properties(), "two");
            int seen = 0;
            List<ReceivedMessage> fresh = mailbox.messagesAfter(seen);
            assertThat(fresh).extracting(ReceivedMessage::subject).containsExactly("one", "two");
            seen += fresh.size();
            assertThat(mailbox.messagesAfter(seen)).isEmpty();
            Mail.send(smtp.properties(), "three");
            assertThat(mailbox.awaitMessagesAfter(seen, Duration.ofSeconds(5)))
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("three");
            assertThat(mailbox.messagesAfter(10)).isEmpty();
            assertThatThrownBy(() -> mailbox.messagesAfter(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("seen must not be negative, was -1");
            assertThatThrownBy(() -> mailbox.awaitMessagesAfter(3, Duration.ofMillis(50)))
                    .isInstanceOf(Mailbox.MailboxTimeoutException.class)
                    .hasMessageStartingWith(
                            "Expected a message after the first 3 within 50 ms but 3 messages arrived:");
        }
    }
}
