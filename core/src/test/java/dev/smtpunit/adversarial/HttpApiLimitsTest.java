package dev.smtpunit.adversarial;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TranscriptEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider HTTP APIs under the same attacks as the SMTP side: idle keep-alive, trickling and
 * never-reading clients, floods beyond the connection limit, and broken requests; every connection
 * ends within its deadline, a refusal takes no slot, and threads and descriptors come back.
 */
class HttpApiLimitsTest {
    private static final String PROBE = "GET /probe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static Baseline baseline;

    @BeforeAll
    static void baseline() throws Exception {
        // warm the HTTPS side (certificate, TLS context) so that what it opens once per JVM is in the baseline
        try (MockSmtpServer smtp = new MockSmtpServer();
                MockProviderApis apis = new MockProviderApis(smtp).start();
                SSLSocket s = (SSLSocket) apis.clientTrust()
                        .sslContext()
                        .getSocketFactory()
                        .createSocket("127.0.0.1", apis.secureAddress().getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(PROBE.getBytes(StandardCharsets.US_ASCII));
            assertThat(responseHead(s.getInputStream())).startsWith("HTTP/1.1 404 ");
        }
        baseline = Baseline.capture();
    }

    @AfterAll
    static void restored() {
        baseline.assertRestored();
        await().atMost(Duration.ofSeconds(10)).until(() -> httpThreads().isEmpty());
    }

    private static List<String> httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("smtpunit-http"))
                .toList();
    }

    private static MockSmtpServer smtp(SmtpServerOptions.Builder b) {
        return new MockSmtpServer(b.build());
    }

    /** {@return the status line and header of one response, read octet by octet, then its body skipped} */
    private static String responseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int at = h.indexOf("Content-Length: ");
        if (at >= 0) {
            in.readNBytes(Integer.parseInt(h.substring(at + 16, h.indexOf("\r\n", at))));
        }
        return h;
    }

    private static String send(MockProviderApis apis, byte[] request) throws Exception {
        try (Socket s = Hostile.connect(apis.address().getPort(), 0)) {
            s.getOutputStream().write(request);
            return Hostile.readToEnd(s);
        }
    }

    private static List<String> closeEvents(MockSmtpServer smtp) {
        return smtp.transcript().sessions().stream()
                .flatMap(s -> s.events().stream())
                .filter(e -> e.kind() == TranscriptEntry.Kind.CLOSED_BY_SERVER)
                .map(TranscriptEntry.Event::detail)
                .toList();
    }

    private static void assertStillServes(MockProviderApis apis) throws Exception {
        try (Socket s = Hostile.connect(apis.address().getPort(), 0)) {
            s.getOutputStream().write(PROBE.getBytes(StandardCharsets.US_ASCII));
            assertThat(responseHead(s.getInputStream())).startsWith("HTTP/1.1 404 Not Found\r\n");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAtTheIdleTimeout() throws Exception {
        try (MockSmtpServer smtp = smtp(SmtpServerOptions.builder().idleTimeout(Duration.ofMillis(500)));
                MockProviderApis apis = new MockProviderApis(smtp).start();
                Socket s = Hostile.connect(apis.address().getPort(), 0)) {
            s.getOutputStream().write(PROBE.getBytes(StandardCharsets.US_ASCII));
            assertThat(responseHead(s.getInputStream()))
                    .startsWith("HTTP/1.1 404 ")
                    .doesNotContain("Connection: close");
            long started = System.nanoTime();
            assertThat(s.getInputStream().read())
                    .as("closed without a response")
                    .isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isBetween(300L, 3000L);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().session(1).isClosed());
            assertThat(smtp.transcript().session(1).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .containsExactly("connection closed by server: idle for 500 ms");
        }
    }

    @Test
    void aTricklingRequestHeadOrBodyGets408AtTheIdleTimeout() throws Exception {
        try (MockSmtpServer smtp = smtp(SmtpServerOptions.builder().idleTimeout(Duration.ofMillis(500)));
                MockProviderApis apis = new MockProviderApis(smtp).start()) {
            byte[] head =
                    "POST /v3/mail/send HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            byte[] slowBody = "POST /v3/mail/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII);
            for (byte[] octets : List.of(
                    Hostile.concat(head, Hostile.repeat("x", 200)),
                    Hostile.concat(slowBody, Hostile.repeat("x", 200)))) {
                try (Socket slow = Hostile.connect(apis.address().getPort(), 0)) {
                    ScheduledExecutorService timer = Hostile.trickle(slow, octets, 20);
                    try {
                        assertThat(Hostile.readToEnd(slow))
                                .startsWith("HTTP/1.1 408 Request Timeout\r\n")
                                .contains("Connection: close\r\n");
                    } finally {
                        timer.shutdownNow();
                    }
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> closeEvents(smtp).size() == 2);
            assertThat(closeEvents(smtp))
                    .containsOnly(
                            "connection closed by server: 408, the request did not arrive within the idle timeout of 500 ms");
            assertStillServes(apis);
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedWhenAResponseCannotBeWrittenWithinTheIdleTimeout() throws Exception {
        try (MockSmtpServer smtp = smtp(SmtpServerOptions.builder().idleTimeout(Duration.ofMillis(500)));
                MockProviderApis apis = new MockProviderApis(smtp).start();
                Socket deaf = Hostile.connect(apis.address().getPort(), 4096)) {
            CompletableFuture<Long> pumped = Hostile.pump(deaf, PROBE);
            assertThat(pumped.get(30, TimeUnit.SECONDS))
                    .as("octets written before the server gave up")
                    .isPositive();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().session(1).isClosed());
            assertThat(smtp.transcript().session(1).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .last()
                    .isEqualTo(
                            "connection closed by server: a response could not be written within the idle timeout of 500 ms"
                                    + " (the client does not read)");
            assertStillServes(apis);
        }
    }

    @Test
    void aSilentTlsClientIsClosedAtTheHandshakeDeadline() throws Exception {
        try (MockSmtpServer smtp = smtp(SmtpServerOptions.builder().tlsHandshakeTimeout(Duration.ofMillis(500)));
                MockProviderApis apis = new MockProviderApis(smtp).start();
                Socket silent = Hostile.connect(apis.secureAddress().getPort(), 0)) {
            assertThat(Hostile.readToEnd(silent)).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> closeEvents(smtp).size() == 1);
            assertThat(closeEvents(smtp))
                    .containsExactly("connection closed by server: the TLS handshake did not complete within 500 ms");
        }
    }

    @Test
    void stopReturnsWithinItsDeadlineWithIdleStalledAndDeafClientsConnected() throws Exception {
        MockSmtpServer smtp = smtp(SmtpServerOptions.builder().idleTimeout(Duration.ofSeconds(60)));
        MockProviderApis apis = new MockProviderApis(smtp).start();
        List<Socket> clients = new ArrayList<>();
        List<CompletableFuture<Long>> pumps = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = Hostile.connect(apis.address().getPort(), 4096);
                clients.add(s);
                pumps.add(Hostile.pump(s, PROBE));
            }
            Socket idle = Hostile.connect(apis.address().getPort(), 0);
            clients.add(idle);
            Socket silentTls = Hostile.connect(apis.secureAddress().getPort(), 0);
            clients.add(silentTls);
            await().atMost(Duration.ofSeconds(30)).until(() -> blockedInWrite() == 3);
            long started = System.nanoTime();
            apis.stop();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(tookMillis)
                    .as("stop() with three blocked writers, an idle and a silent TLS client, ms")
                    .isLessThan(2500);
            assertThat(httpThreads()).as("stop() ended every connection").isEmpty();
            for (CompletableFuture<Long> p : pumps) {
                p.get(10, TimeUnit.SECONDS);
            }
        } finally {
            apis.close();
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    private static long blockedInWrite() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("smtpunit-http-")
                        && !e.getKey().getName().contains("accept"))
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().equals("respond")))
                .count();
    }

    @Test
    void refusalsBeyondTheLimitGet503AndNeverWearTheLimitDown() throws Exception {
        try (MockSmtpServer smtp = smtp(SmtpServerOptions.builder().maxConnections(2));
                MockProviderApis apis = new MockProviderApis(smtp).start()) {
            for (int round = 0; round < 20; round++) {
                try (Socket a = Hostile.connect(apis.address().getPort(), 0);
                        Socket b = Hostile.connect(apis.address().getPort(), 0)) {
                    for (Socket s : List.of(a, b)) {
                        s.getOutputStream().write(PROBE.getBytes(StandardCharsets.US_ASCII));
                        assertThat(responseHead(s.getInputStream()))
                                .as("round %d", round)
                                .startsWith("HTTP/1.1 404 ");
                    }
                    try (Socket c = Hostile.connect(apis.address().getPort(), 0)) {
                        assertThat(Hostile.readToEnd(c))
                                .as("round %d, third", round)
                                .startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                                .contains("Retry-After: 1\r\n")
                                .endsWith("too many connections (maxConnections 2)");
                    }
                }
                int closed = 3 * (round + 1);
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> smtp.transcript().sessions().stream()
                                        .filter(SessionTranscript::isClosed)
                                        .count()
                                == closed);
            }
            assertThat(closeEvents(smtp))
                    .filteredOn(d -> d.startsWith("connection refused"))
                    .hasSize(20)
                    .containsOnly("connection refused: too many connections (maxConnections 2)");
            try (Socket a = Hostile.connect(apis.address().getPort(), 0);
                    Socket b = Hostile.connect(apis.address().getPort(), 0)) {
                for (Socket s : List.of(a, b)) {
                    s.getOutputStream().write(PROBE.getBytes(StandardCharsets.US_ASCII));
                    assertThat(responseHead(s.getInputStream()))
                            .as("the full limit after 20 refusals")
                            .startsWith("HTTP/1.1 404 ");
                }
            }
        }
    }

    @Test
    void aFloodBeyondTheLimitIsRefusedAndTheServerRecovers() throws Exception {
        try (MockSmtpServer smtp = smtp(SmtpServerOptions.builder().maxConnections(4));
                MockProviderApis apis = new MockProviderApis(smtp).start()) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = Hostile.connect(apis.address().getPort(), 0);
                    held.add(s);
                    s.getOutputStream().write(PROBE.getBytes(StandardCharsets.US_ASCII));
                    assertThat(responseHead(s.getInputStream())).startsWith("HTTP/1.1 404 ");
                }
                ExecutorService flood = Executors.newFixedThreadPool(8);
                try {
                    List<Future<String>> replies = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        replies.add(flood.submit(() -> send(apis, PROBE.getBytes(StandardCharsets.US_ASCII))));
                    }
                    for (Future<String> r : replies) {
                        assertThat(r.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 503 Service Unavailable\r\n");
                    }
                } finally {
                    flood.shutdownNow();
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().sessions().stream().allMatch(SessionTranscript::isClosed));
            for (int i = 0; i < 4; i++) {
                assertStillServes(apis);
            }
        }
    }

    @Test
    void brokenRequestsGetTheirStatusAndTheServerGoesOn() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer();
                MockProviderApis apis = new MockProviderApis(smtp).start()) {
            String host = "Host: 127.0.0.1\r\n";
            assertThat(send(apis, "\u0000\u0001\u00ff garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))
                    .startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .endsWith("malformed request line");
            assertThat(send(apis, "GET /\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("HTTP/1.1 400 Bad Request\r\n");
            assertThat(send(
                            apis,
                            ("GET / HTTP/1.1\r\n" + host + "no colon here\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .endsWith("malformed header line");
            assertThat(send(apis, Hostile.repeat("A", 100_000)))
                    .as("a request line of 100 KB without CRLF")
                    .startsWith("HTTP/1.1 414 URI Too Long\r\n");
            assertThat(send(
                            apis,
                            Hostile.concat(
                                    ("GET / HTTP/1.1\r\n" + host + "X-Big: ").getBytes(StandardCharsets.US_ASCII),
                                    Hostile.repeat("b", 70_000),
                                    "\r\n\r\n".getBytes(StandardCharsets.US_ASCII))))
                    .as("one header line of 70 KB")
                    .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
            assertThat(send(
                            apis,
                            Hostile.concat(
                                    "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII),
                                    Hostile.repeat("X-Many: " + "m".repeat(90) + "\r\n", 1000),
                                    "\r\n".getBytes(StandardCharsets.US_ASCII))))
                    .as("1,000 header lines of 100 octets")
                    .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
            assertThat(send(
                            apis,
                            ("POST /v3/mail/send HTTP/1.1\r\n" + host + "Content-Length: -5\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .endsWith("bad Content-Length");
            assertThat(send(
                            apis,
                            ("POST /v3/mail/send HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    .getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .endsWith("bad chunk size");
            try (Socket s = Hostile.connect(apis.address().getPort(), 0)) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /v3/mail/send HTTP/1.1\r\n" + host + "Content-Length: 1000000000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(Hostile.repeat("x", 10_000));
                assertThat(Hostile.readToEnd(s))
                        .as("a terabyte announced, 10 KB sent")
                        .startsWith("HTTP/1.1 413 Payload Too Large\r\n")
                        .endsWith("request body too large");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> closeEvents(smtp).size() == 9);
            assertThat(closeEvents(smtp))
                    .contains(
                            "connection closed by server: 414, request line too long",
                            "connection closed by server: 413, request body too large");
            assertStillServes(apis);
        }
    }
}
