package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A failure on a large body or a full mailbox prints the head and the tail and says what it left out. */
class BoundedFailureTest {
    private MockSmtpServer smtp;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer().start();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private static String line(int i) {
        return String.format("%04d: order line of the nightly report", i);
    }

    @Test
    void aLargeBodyPrintsItsFirstAndLastLines() throws Exception {
        String report = IntStream.rangeClosed(1, 3000)
                .mapToObj(BoundedFailureTest::line)
                .collect(Collectors.joining("\n"));
        Send.text(smtp, "report@shop.example", "ada@example.com", "Nightly report", report);
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        String body = mail.textBody().orElseThrow();
        String nl = body.contains("\r\n") ? "\r\n" : "\n";
        String head = IntStream.rangeClosed(1, 15).mapToObj(i -> line(i) + nl).collect(Collectors.joining());
        String tail =
                IntStream.rangeClosed(2996, 3000).mapToObj(i -> line(i) + nl).collect(Collectors.joining());
        tail = body.endsWith(nl) ? tail : tail.substring(0, tail.length() - nl.length());
        long leftOut = 2980L * (line(1).length() + nl.length());
        assertThat(body.length()).isGreaterThan(98_000);

        assertThatThrownBy(() -> assertThat(mail).hasTextBodyContaining("refund"))
                .hasMessage(String.format(
                        "%nExpecting message:%n  " + mail.summary()
                                + "%nto have text body containing:%n  \"refund\"%nbut was:%n  \"%s\"",
                        head + "... (2,980 lines, " + String.format("%,d", leftOut) + " characters left out) ..." + nl
                                + tail));
    }

    @Test
    void aLongLineIsCutAndSaysHowMuchOfItWasLeftOut() throws Exception {
        Send.text(smtp, "report@shop.example", "ada@example.com", "One line", "x".repeat(5000));
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThatThrownBy(() -> assertThat(mail).hasTextBody("y"))
                .hasMessageContaining(
                        String.format("but was:%n  \"" + "x".repeat(400) + "... (4,600 more characters on this line)"))
                .hasMessageNotContaining("x".repeat(401));
    }

    @Test
    void aLongSessionKeepsItsFirstFortyAndLastTenLines() throws Exception {
        try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            client.readLine();
            for (int i = 0; i < 60; i++) {
                assertThat(client.command("NOOP")).startsWith("250");
            }
            assertThat(client.command("QUIT")).startsWith("221");
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.transcript().sessions().get(0).isClosed());
        String session = smtp.transcript().sessions().get(0).toString();
        List<String> lines = session.lines().toList();
        String head = lines.subList(0, 40).stream().map(l -> l + "%n").collect(Collectors.joining());
        String tail = lines.subList(lines.size() - 10, lines.size()).stream()
                .map(l -> l + "%n")
                .collect(Collectors.joining());
        long leftOut = lines.subList(40, lines.size() - 10).stream()
                .mapToLong(l -> l.length() + 1)
                .sum();
        assertThatThrownBy(() -> assertThat(smtp.transcript()).hasSessionCount(2))
                .hasMessage(String.format("%nExpecting transcript to have 2 sessions but it has 1%nbut it was:%n" + head
                        + "... (" + (lines.size() - 50) + " lines, " + leftOut + " characters left out) ...%n"
                        + tail.substring(0, tail.length() - 2)));
    }

    @Test
    void aFullMailboxListsItsFirstTwentyAndLastFiveMessages() throws Exception {
        for (int i = 1; i <= 30; i++) {
            Send.text(smtp, "app@example.com", "user" + i + "@example.com", "Message " + i, "x");
        }
        List<ReceivedMessage> all = smtp.mailbox().awaitMessages(30, Duration.ofSeconds(10));
        String first = IntStream.range(0, 20)
                .mapToObj(i -> "  " + (i + 1) + ". " + all.get(i).summary() + "%n")
                .collect(Collectors.joining());
        String last = IntStream.range(25, 30)
                .mapToObj(i -> "  " + (i + 1) + ". " + all.get(i).summary() + "%n")
                .collect(Collectors.joining());
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageCount(31))
                .hasMessage(String.format("%nExpecting mailbox to hold 31 messages%nbut it holds 30 messages:%n" + first
                        + "  ... (5 messages left out) ...%n" + last.substring(0, last.length() - 2)));
    }
}
