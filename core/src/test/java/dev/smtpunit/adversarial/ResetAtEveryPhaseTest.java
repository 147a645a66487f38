package dev.smtpunit.adversarial;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that resets its connection (RST) at every phase: nothing partial is stored, a message
 * whose final dot arrived is stored at most once and byte for byte, and the server serves the next
 * client as if nothing happened.
 */
class ResetAtEveryPhaseTest {
    private static final int ROUNDS = 5;
    private static Baseline baseline;
    private MockSmtpServer smtp;
    private byte[] hello;

    @BeforeAll
    static void baseline() throws Exception {
        baseline = Baseline.capture();
    }

    @AfterAll
    static void restored() {
        baseline.assertRestored();
    }

    @BeforeEach
    void start() throws Exception {
        smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .startTls(SmtpServerOptions.StartTlsMode.OFFERED)
                .implicitTls(0)
                .chunking(true)
                .user("app", "s3cret")
                .maxConnections(4)
                .build());
        hello = Hostile.clientHello();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private interface Phase {
        void resetIn(RawClient c) throws Exception;
    }

    private static void transaction(RawClient c) throws Exception {
        assertThat(c.command("EHLO x")).startsWith("250");
        assertThat(c.command("MAIL FROM:<a@example.com>")).startsWith("250");
        assertThat(c.command("RCPT TO:<b@example.com>")).startsWith("250");
    }

    @Test
    void resetsAtEveryPhaseStoreNothingPartialAndTheServerGoesOn() throws Exception {
        byte[] complete = "Subject: complete\r\n\r\nthe final dot arrived\r\n".getBytes(StandardCharsets.US_ASCII);
        List<Phase> phases = List.of(
                c -> {}, // before reading the greeting
                c -> c.reply(), // after the greeting
                c -> {
                    c.reply();
                    c.command("EHLO x");
                    c.command("MAIL FROM:<a@example.com>");
                },
                c -> {
                    c.reply();
                    transaction(c);
                },
                c -> {
                    c.reply();
                    transaction(c);
                    c.command("DATA");
                },
                c -> {
                    c.reply();
                    transaction(c);
                    c.command("DATA");
                    c.sendRaw("Subject: partial\r\n\r\nhalf a li");
                },
                c -> {
                    c.reply();
                    transaction(c);
                    c.command("DATA");
                    c.sendRaw("Subject: partial\r\n\r\nno dot\r\n");
                },
                c -> {
                    c.reply();
                    transaction(c);
                    c.send("BDAT 100");
                },
                c -> {
                    c.reply();
                    transaction(c);
                    c.sendRaw("BDAT 100\r\n" + "x".repeat(40));
                },
                c -> {
                    c.reply();
                    transaction(c);
                    assertThat(c.command("BDAT 5\r\nSubje")).startsWith("250");
                },
                c -> {
                    c.reply();
                    c.command("EHLO x");
                    assertThat(c.command("STARTTLS")).startsWith("220");
                    c.socket().getOutputStream().write(Arrays.copyOf(hello, hello.length / 2));
                },
                c -> {
                    c.reply();
                    c.command("EHLO x");
                    c.command("STARTTLS");
                },
                c -> {
                    c.reply();
                    c.command("EHLO x");
                    assertThat(c.command("AUTH LOGIN")).startsWith("334");
                },
                c -> {
                    c.reply();
                    c.command("EHLO x");
                    c.command("AUTH LOGIN");
                    c.command(b64("app"));
                });
        int stored = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Phase p : phases) {
                RawClient c = RawClient.connect(smtp.host(), smtp.port());
                p.resetIn(c);
                Hostile.reset(c.socket());
            }
            try (Socket smtps = Hostile.connect(smtp.smtpsPort(), 0)) {
                OutputStream out = smtps.getOutputStream();
                out.write(Arrays.copyOf(hello, hello.length / 3));
                out.flush();
                Hostile.reset(smtps);
            }
            // after the final dot, before the 250 was read
            RawClient c = RawClient.connect(smtp.host(), smtp.port());
            c.reply();
            transaction(c);
            c.command("DATA");
            c.sendRaw(new String(complete, StandardCharsets.US_ASCII) + ".\r\n");
            Hostile.reset(c.socket());
            ConnectionLimitsTest.awaitAllClosed(smtp);
            List<ReceivedMessage> got = smtp.mailbox().messages();
            assertThat(got.size())
                    .as("round %d: only messages whose final dot arrived, each at most once", round)
                    .isBetween(stored, stored + 1);
            stored = got.size();
            for (ReceivedMessage m : got) {
                assertThat(m.rawBytes()).as("a stored message is byte-exact").isEqualTo(complete);
            }
        }
        for (SessionTranscript s : smtp.transcript().sessions()) {
            assertThat(s.isClosed()).isTrue();
        }
        try (RawClient after = RawClient.connect(smtp.host(), smtp.port())) {
            assertThat(after.reply()).startsWith("220 ");
            transaction(after);
            after.command("DATA");
            assertThat(after.command("Subject: after\r\n\r\nok\r\n.")).startsWith("250 ");
        }
        assertThat(smtp.mailbox().messages()).hasSize(stored + 1);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
