package dev.smtpunit.fault;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.testsupport.RawClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.smtpunit.SmtpPhase.CONNECT;
import static dev.smtpunit.SmtpPhase.DATA;
import static dev.smtpunit.SmtpPhase.END_OF_DATA;
import static dev.smtpunit.SmtpPhase.MAIL;
import static dev.smtpunit.SmtpPhase.RCPT;
import static org.assertj.core.api.Assertions.assertThat;

/** Each fault effect, observed byte for byte with a raw socket. */
class FaultEffectsTest {
    private MockSmtpServer smtp;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer().start();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private RawClient connectAndGreet() throws Exception {
        RawClient c = RawClient.connect(smtp.host(), smtp.port());
        assertThat(c.reply()).startsWith("220 ");
        c.command("EHLO x");
        return c;
    }

    @Test
    void repliesInsteadOfTheGreetingAndCloses() throws Exception {
        smtp.faults().on(CONNECT).replyAndClose(421, "4.3.2 Try again later");
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            assertThat(c.reply()).isEqualTo("421 4.3.2 Try again later");
            assertThat(c.isClosedByServer()).isTrue();
        }
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            assertThat(c.reply()).as("the rule fired once").isEqualTo("220 localhost ESMTP SmtpUnit");
        }
        TranscriptEntry.Exchange greeting =
                smtp.transcript().session(1).exchanges().get(0);
        assertThat(greeting.code()).isEqualTo(421);
        assertThat(greeting.injected()).isTrue();
        assertThat(greeting.toString()).isEqualTo("S: 421 4.3.2 Try again later  [injected]\n");
    }

    @Test
    void refusesOneRecipientAndAcceptsTheOther() throws Exception {
        smtp.faults()
                .on(RCPT)
                .matching(FaultMatcher.recipient("full@example.com"))
                .reply(452, "4.2.2 Mailbox full");
        try (RawClient c = connectAndGreet()) {
            c.command("MAIL FROM:<a@example.com>");
            assertThat(c.command("RCPT TO:<full@example.com>")).isEqualTo("452 4.2.2 Mailbox full");
            assertThat(c.command("RCPT TO:<ok@example.com>")).startsWith("250 2.1.5");
            c.command("DATA");
            assertThat(c.command("Subject: s\r\n\r\n.")).startsWith("250 ");
        }
        ReceivedMessage m =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(m.envelope().recipientAddresses())
                .as("a refused recipient is not in the envelope")
                .containsExactly("ok@example.com");
    }

    @Test
    void sendsMultiLineReplies() throws Exception {
        smtp.faults().on(MAIL).reply(451, "4.3.0 first line", "second line");
        try (RawClient c = connectAndGreet()) {
            assertThat(c.command("MAIL FROM:<a@example.com>")).isEqualTo("451-4.3.0 first line\n451 second line");
        }
    }

    @Test
    void positiveInjectedRepliesLetTheCommandTakeEffect() throws Exception {
        smtp.faults().on(RCPT).reply(251, "2.1.5 User not local; will forward");
        try (RawClient c = connectAndGreet()) {
            c.command("MAIL FROM:<a@example.com>");
            assertThat(c.command("RCPT TO:<b@example.com>")).isEqualTo("251 2.1.5 User not local; will forward");
            assertThat(c.command("DATA")).startsWith("354");
            assertThat(c.command("Subject: s\r\n\r\n.")).startsWith("250");
        }
        assertThat(smtp.mailbox()
                        .awaitMessages(1, Duration.ofSeconds(5))
                        .get(0)
                        .envelope()
                        .recipientAddresses())
                .containsExactly("b@example.com");
    }

    @Test
    void closesWithoutAReply() throws Exception {
        smtp.faults().on(DATA).close();
        try (RawClient c = connectAndGreet()) {
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.send("DATA");
            assertThat(c.isClosedByServer()).isTrue();
        }
        var exchanges = smtp.transcript().session(1).exchanges();
        TranscriptEntry.Exchange last = exchanges.get(exchanges.size() - 1);
        assertThat(last.phase()).isEqualTo(DATA);
        assertThat(last.reply()).isNull();
        assertThat(last.injected()).isTrue();
    }

    @Test
    void rejectsAtTheEndOfDataAndStoresNothing() throws Exception {
        smtp.faults().on(END_OF_DATA).reply(554, "5.7.1 Spam detected");
        try (RawClient c = connectAndGreet()) {
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            assertThat(c.command("Subject: spam\r\n\r\n.")).isEqualTo("554 5.7.1 Spam detected");
        }
        smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(20));
        assertThat(smtp.transcript().exchanges(END_OF_DATA))
                .singleElement()
                .satisfies(x -> assertThat(x.clientLine()).isEqualTo("<message: 17 bytes, 2 lines>"));
    }

    @Test
    void closeAfterStoringStoresThenDropsBeforeReplying() throws Exception {
        smtp.faults().on(END_OF_DATA).closeAfterStoring();
        try (RawClient c = connectAndGreet()) {
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            c.send("Subject: twice\r\n\r\n.");
            assertThat(c.isClosedByServer()).isTrue();
        }
        assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)))
                .extracting(ReceivedMessage::subject)
                .containsExactly("twice");
        assertThat(smtp.transcript().session(1).events())
                .extracting(TranscriptEntry.Event::detail)
                .contains("message stored; connection dropped before the reply was sent");
        assertThat(smtp.transcript().exchanges(END_OF_DATA).get(0).reply()).isNull();
    }

    @Test
    void delaysWithoutBlockingOtherSessions() throws Exception {
        smtp.faults().on(RCPT).matching(FaultMatcher.nthConnection(1)).delay(Duration.ofMillis(1500));
        try (RawClient slow = connectAndGreet()) {
            slow.command("MAIL FROM:<slow@example.com>");
            long sent = System.nanoTime();
            slow.send("RCPT TO:<b@example.com>");

            CompletableFuture<String> fastDone = CompletableFuture.supplyAsync(() -> {
                try (RawClient fast = connectAndGreet()) {
                    fast.command("MAIL FROM:<fast@example.com>");
                    fast.command("RCPT TO:<b@example.com>");
                    fast.command("DATA");
                    return fast.command("Subject: fast\r\n\r\n.");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(fastDone.get(5, TimeUnit.SECONDS)).startsWith("250 ");
            assertThat(smtp.mailbox().messages())
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("fast");

            assertThat(slow.reply()).startsWith("250 2.1.5");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertThat(waited).isGreaterThanOrEqualTo(1500).isLessThan(5000);
        }
    }

    @Test
    void delaysThenReplies() throws Exception {
        smtp.faults().on(MAIL).delayThenReply(Duration.ofMillis(300), 421, "4.4.5 Slow and busy");
        try (RawClient c = connectAndGreet()) {
            long start = System.nanoTime();
            assertThat(c.command("MAIL FROM:<a@example.com>")).isEqualTo("421 4.4.5 Slow and busy");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void keepsPipelinedCommandsInOrderAcrossADelay() throws Exception {
        smtp.faults().on(MAIL).delay(Duration.ofMillis(200));
        try (RawClient c = connectAndGreet()) {
            c.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nNOOP\r\n");
            assertThat(c.reply()).startsWith("250 2.1.0");
            assertThat(c.reply()).startsWith("250 2.1.5");
            assertThat(c.reply()).startsWith("250 2.0.0 OK");
        }
    }

    @Test
    void stallsUntilTheClientGivesUp() throws Exception {
        smtp.faults()
                .on(SmtpPhase.ANY)
                .matching(FaultMatcher.argumentMatching("^TO:"))
                .stall();
        try (RawClient c = connectAndGreet()) {
            c.command("MAIL FROM:<a@example.com>");
            c.send("RCPT TO:<b@example.com>");
            c.setTimeoutMillis(300);
            assertThat(c.replyOrTimeout())
                    .as("no reply within the client's timeout")
                    .isNull();
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.transcript().session(1).isClosed());
        assertThat(smtp.transcript().session(1).events())
                .extracting(TranscriptEntry.Event::kind)
                .endsWith(TranscriptEntry.Kind.FAULT, TranscriptEntry.Kind.CLOSED_BY_CLIENT);
    }

    @Test
    void tricklesTheReplyByteByByte() throws Exception {
        smtp.faults().on(SmtpPhase.NOOP).trickle(Duration.ofMillis(20));
        try (RawClient c = connectAndGreet()) {
            long start = System.nanoTime();
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
            // 14 bytes on the wire, 20 ms before each
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(14 * 20);
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
    }
}
