package dev.smtpunit.adversarial;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Clients that never read their replies, and clients that trickle their commands. */
class SlowClientsTest {
    private static Baseline baseline;

    @BeforeAll
    static void baseline() throws Exception {
        baseline = Baseline.capture();
    }

    @AfterAll
    static void restored() {
        baseline.assertRestored();
    }

    @Test
    void aClientThatNeverReadsIsClosedWhenAReplyCannotBeWrittenWithinTheIdleTimeout() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .idleTimeout(Duration.ofMillis(500))
                        .build());
                Socket deaf = Hostile.connect(smtp.port(), 4096)) {
            CompletableFuture<Long> pumped = Hostile.pump(deaf, "NOOP\r\n");
            assertThat(pumped.get(30, TimeUnit.SECONDS))
                    .as("octets written before the server gave up")
                    .isPositive();
            ConnectionLimitsTest.awaitAllClosed(smtp);
            assertThat(smtp.transcript().session(1).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .last()
                    .isEqualTo(
                            "connection closed by server: a reply could not be written within the idle timeout of 500 ms (the client does not read)");
            try (RawClient next = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(next.reply()).startsWith("220 ");
                assertThat(next.command("NOOP")).startsWith("250");
            }
        }
    }

    @Test
    void stopReturnsWithinItsDeadlineWhileClientsThatNeverReadHoldBlockedWrites() throws Exception {
        MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().idleTimeout(Duration.ofSeconds(60)).build());
        List<Socket> deaf = new ArrayList<>();
        List<CompletableFuture<Long>> pumps = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = Hostile.connect(smtp.port(), 4096);
                deaf.add(s);
                pumps.add(Hostile.pump(s, "NOOP\r\n"));
            }
            int port = smtp.port();
            await().atMost(Duration.ofSeconds(30)).until(() -> blockedInWrite(port) == 3);
            long started = System.nanoTime();
            smtp.stop();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(tookMillis).as("stop() with three blocked writers, ms").isLessThan(2500);
            assertThat(Baseline.serverThreads())
                    .as("stop() ended the blocked sessions")
                    .noneMatch(n -> n.contains(":" + port + " "));
            for (CompletableFuture<Long> p : pumps) {
                p.get(10, TimeUnit.SECONDS);
            }
        } finally {
            smtp.close();
            for (Socket s : deaf) {
                s.close();
            }
        }
    }

    @Test
    void aClientTricklingACommandIsClosedAtTheLineDeadline() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .idleTimeout(Duration.ofSeconds(2))
                        .lineDeadline(Duration.ofMillis(500))
                        .build());
                RawClient probe = RawClient.connect(smtp.host(), smtp.port());
                Socket slow = Hostile.connect(smtp.port(), 0)) {
            probe.reply();
            byte[] noops = Hostile.repeat("NOOP", 100);
            ScheduledExecutorService timer = Hostile.trickle(slow, noops, 50);
            try {
                String got = Hostile.readToEnd(slow);
                assertThat(got).endsWith("421 4.4.2 localhost Error: timeout exceeded\r\n");
            } finally {
                timer.shutdownNow();
            }
            assertThat(probe.command("NOOP"))
                    .as("other sessions are not affected")
                    .startsWith("250");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().session(2).isClosed());
            assertThat(smtp.transcript().session(2).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .contains("a line took longer than the line deadline of 500 ms to arrive; closing");
        }
    }

    @Test
    void aClientTricklingMessageContentIsClosedAtTheLineDeadlineAndNothingIsStored() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .idleTimeout(Duration.ofSeconds(2))
                .lineDeadline(Duration.ofMillis(500))
                .build())) {
            RawClient c = RawClient.connect(smtp.host(), smtp.port());
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            assertThat(c.command("DATA")).startsWith("354");
            c.sendRaw("Subject: slow\r\n\r\n");
            // each line arrives within the deadline: the session goes on
            for (int i = 0; i < 3; i++) {
                c.sendRaw("line " + i + "\r\n");
            }
            ScheduledExecutorService timer = Hostile.trickle(c.socket(), Hostile.repeat("x", 200), 50);
            try {
                assertThat(c.reply()).isEqualTo("421 4.4.2 localhost Error: timeout exceeded");
            } finally {
                timer.shutdownNow();
                c.close();
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().session(1).isClosed());
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void withoutALineDeadlineATricklingClientIsServedAsLongAsItIsNeverSilent() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .idleTimeout(Duration.ofMillis(400))
                        .build());
                Socket slow = Hostile.connect(smtp.port(), 0)) {
            byte[] line = "NOOP and a long argument that takes more than the idle timeout to arrive\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            ScheduledExecutorService timer = Hostile.trickle(slow, line, 20);
            try {
                byte[] reply = slow.getInputStream().readNBytes(greetingAndReplyLength(smtp));
                assertThat(new String(reply, StandardCharsets.US_ASCII)).endsWith("250 2.0.0 OK\r\n");
            } finally {
                timer.shutdownNow();
            }
        }
    }

    @Test
    void aBdatChunkHasNoLinesSoOnlyTheIdleTimeoutBoundsIt() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .chunking(true)
                        .idleTimeout(Duration.ofSeconds(2))
                        .lineDeadline(Duration.ofMillis(300))
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.send("BDAT 20 LAST");
            // 20 octets over about a second: longer than the line deadline, never silent for the idle timeout
            ScheduledExecutorService timer =
                    Hostile.trickle(c.socket(), "Subject: x\r\n\r\nslow\r\n".getBytes(StandardCharsets.US_ASCII), 50);
            try {
                assertThat(c.reply()).startsWith("250 ");
            } finally {
                timer.shutdownNow();
            }
            assertThat(smtp.mailbox().messages()).hasSize(1);
        }
    }

    @Test
    void theWatchdogThreadStartsWithTheFirstConnectionAndEndsWithTheServer() throws Exception {
        MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.defaults());
        String watchdog = "smtpunit 127.0.0.1:" + smtp.port() + " watchdog";
        try {
            assertThat(Baseline.serverThreads()).as("no connection yet").doesNotContain(watchdog);
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                c.reply();
                assertThat(Baseline.serverThreads()).contains(watchdog);
            }
        } finally {
            smtp.close();
        }
        assertThat(Baseline.serverThreads()).doesNotContain(watchdog);
    }

    private static int greetingAndReplyLength(MockSmtpServer smtp) {
        return ("220 " + smtp.options().greeting() + "\r\n250 2.0.0 OK\r\n").length();
    }

    /** {@return how many of the server's session threads are blocked writing a reply} */
    private static long blockedInWrite(int port) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("smtpunit 127.0.0.1:" + port + " session"))
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().equals("dev.smtpunit.internal.Wire")
                                && f.getMethodName().equals("flush")))
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().contains("write")))
                .count();
    }
}
