package dev.smtpunit.adversarial;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Floods beyond the connection limit, and a limit that never drifts: refused connections take no slot. */
class ConnectionLimitsTest {
    private static final String REFUSED = "421 4.7.0 localhost Error: too many connections, try again later";
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
    void refusalsNeverWearTheLimitDown() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().maxConnections(2).build())) {
            for (int round = 0; round < 20; round++) {
                try (RawClient a = RawClient.connect(smtp.host(), smtp.port());
                        RawClient b = RawClient.connect(smtp.host(), smtp.port())) {
                    assertThat(a.reply()).as("round %d, first", round).startsWith("220 ");
                    assertThat(b.reply()).as("round %d, second", round).startsWith("220 ");
                    try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                        assertThat(c.reply()).as("round %d, third", round).isEqualTo(REFUSED);
                        assertThat(c.isClosedByServer()).isTrue();
                    }
                }
                awaitAllClosed(smtp);
            }
            try (RawClient a = RawClient.connect(smtp.host(), smtp.port());
                    RawClient b = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(a.reply()).startsWith("220 ");
                assertThat(b.reply()).startsWith("220 ");
                assertThat(a.command("QUIT")).startsWith("221");
            }
            assertThat(smtp.transcript().sessions()).hasSize(62);
            assertThat(smtp.transcript().session(3).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .containsExactly(
                            "connected from 127.0.0.1:"
                                    + smtp.transcript().session(3).client().getPort(),
                            "connection refused: too many connections (maxConnections 2)");
        }
    }

    @Test
    void aFloodBeyondTheLimitIsRefusedAndTheServerRecovers() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().maxConnections(4).build())) {
            List<RawClient> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RawClient c = RawClient.connect(smtp.host(), smtp.port());
                assertThat(c.reply()).startsWith("220 ");
                held.add(c);
            }
            ExecutorService flood = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> replies = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    replies.add(flood.submit(() -> {
                        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                            return c.reply();
                        }
                    }));
                }
                for (Future<String> r : replies) {
                    assertThat(r.get()).isEqualTo(REFUSED);
                }
            } finally {
                flood.shutdown();
            }
            for (RawClient c : held) {
                assertThat(c.command("NOOP"))
                        .as("held connections still served")
                        .startsWith("250");
                c.close();
            }
            awaitAllClosed(smtp);
            List<RawClient> again = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RawClient c = RawClient.connect(smtp.host(), smtp.port());
                assertThat(c.reply()).as("capacity after the flood").startsWith("220 ");
                again.add(c);
            }
            for (RawClient c : again) {
                c.close();
            }
        }
    }

    @Test
    void smtpsConnectionsCountFromAcceptAndSilentOnesAreClosedAtTheHandshakeDeadline() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .implicitTls(0)
                        .maxConnections(2)
                        .tlsHandshakeTimeout(Duration.ofMillis(500))
                        .build());
                Socket silent1 = Hostile.connect(smtp.smtpsPort(), 0);
                Socket silent2 = Hostile.connect(smtp.smtpsPort(), 0)) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().sessions().size() == 2);
            try (RawClient plain = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(plain.reply())
                        .as("two silent SMTPS connections fill a limit of 2")
                        .isEqualTo(REFUSED);
            }
            try (Socket third = Hostile.connect(smtp.smtpsPort(), 0)) {
                assertThat(Hostile.readToEnd(third))
                        .as("a refused SMTPS connection is closed before any handshake")
                        .isEmpty();
            }
            // closed at the deadline (at most a TLS alert, never a greeting); a read timeout here fails the test
            assertThat(Hostile.readToEnd(silent1)).doesNotContain("220");
            assertThat(Hostile.readToEnd(silent2)).doesNotContain("220");
            awaitAllClosed(smtp);
            assertThat(smtp.transcript().session(1).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .contains("TLS handshake failed: not complete within 500 ms");
            assertThat(smtp.transcript().session(4).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .endsWith("connection refused before the TLS handshake: too many connections (maxConnections 2)");
            try (RawClient plain = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(plain.reply())
                        .as("slots are free once the handshakes timed out")
                        .startsWith("220 ");
            }
        }
    }

    @Test
    void aHalfSentOrTrickledClientHelloIsClosedAtTheHandshakeDeadline() throws Exception {
        byte[] hello = Hostile.clientHello();
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .implicitTls(0)
                        .tlsHandshakeTimeout(Duration.ofMillis(600))
                        .build());
                Socket half = Hostile.connect(smtp.smtpsPort(), 0);
                Socket trickled = Hostile.connect(smtp.smtpsPort(), 0)) {
            OutputStream out = half.getOutputStream();
            out.write(Arrays.copyOf(hello, hello.length / 2));
            out.flush();
            // one octet every 100 ms: never silent for the read timeout, never done within the deadline
            var timer = Hostile.trickle(trickled, hello, 100);
            try {
                assertThat(Hostile.readToEnd(half)).doesNotContain("220");
                assertThat(Hostile.readToEnd(trickled)).doesNotContain("220");
            } finally {
                timer.shutdownNow();
            }
            awaitAllClosed(smtp);
            for (SessionTranscript s : smtp.transcript().sessions()) {
                assertThat(s.events())
                        .extracting(TranscriptEntry.Event::detail)
                        .contains("TLS handshake failed: not complete within 600 ms");
            }
        }
    }

    @Test
    void aClientSilentAfterStartTlsIsClosedAtTheHandshakeDeadline() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .startTls(SmtpServerOptions.StartTlsMode.OFFERED)
                        .tlsHandshakeTimeout(Duration.ofMillis(400))
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("STARTTLS")).startsWith("220 ");
            assertThat(Hostile.readToEnd(c.socket()))
                    .as("closed at the deadline, at most with a TLS alert")
                    .doesNotContain("250");
            awaitAllClosed(smtp);
            assertThat(smtp.transcript().session(1).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .contains("TLS handshake failed: not complete within 400 ms");
        }
    }

    @Test
    void aCompleteHandshakeWithinTheDeadlineIsServed() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .implicitTls(0)
                        .maxConnections(1)
                        .tlsHandshakeTimeout(Duration.ofSeconds(5))
                        .build());
                SSLSocket s =
                        (SSLSocket) smtp.clientTrust().socketFactory().createSocket("127.0.0.1", smtp.smtpsPort())) {
            s.setSoTimeout(5000);
            s.startHandshake();
            byte[] greeting = new byte[4];
            assertThat(s.getInputStream().readNBytes(greeting, 0, 4)).isEqualTo(4);
            assertThat(new String(greeting, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("220 ");
        }
    }

    /** Waits until every session recorded so far has ended. */
    static void awaitAllClosed(MockSmtpServer smtp) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> smtp.transcript().sessions().stream().allMatch(SessionTranscript::isClosed));
    }
}
