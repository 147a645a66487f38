package dev.smtpunit.adversarial;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mixed concurrent soak: plain, pipelined, BDAT, STARTTLS and SMTPS with AUTH sessions, with
 * transactions reset or cut off midway, from several threads at once; every message the server
 * accepted (250) is stored once and byte for byte (compared by SHA-256 with what was sent), and
 * nothing else is. Runs 6 s in the normal build; {@code -Psoak} runs it longer (see core/pom.xml):
 * {@code smtpunit.soak.seconds}, {@code smtpunit.soak.maxStored} (the mailbox limit) and
 * {@code smtpunit.soak.maxSize} (the largest message), {@code smtpunit.soak.maxSessions} and
 * {@code smtpunit.soak.maxEntries} (the transcript limits) set it.
 */
class SoakTest {
    private static final int SECONDS = Integer.getInteger("smtpunit.soak.seconds", 6);
    private static final int MAX_STORED = Integer.getInteger("smtpunit.soak.maxStored", 0);
    private static final int MAX_SIZE = Integer.getInteger("smtpunit.soak.maxSize", 64 * 1024);
    private static final int MAX_SESSIONS = Integer.getInteger("smtpunit.soak.maxSessions", 0);
    private static final int MAX_ENTRIES = Integer.getInteger("smtpunit.soak.maxEntries", 0);
    private static final int CLIENTS = 6;
    private static Baseline baseline;

    private enum Kind {
        PLAIN,
        PIPELINED,
        BDAT,
        STARTTLS,
        SMTPS_AUTH,
        RSET_MIDWAY,
        CUT_IN_DATA
    }

    /** What was accepted: the SHA-256 of the content, by its X-Soak-Id. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();

    private final AtomicLong refused = new AtomicLong();

    @BeforeAll
    static void baseline() throws Exception {
        baseline = Baseline.capture();
    }

    @AfterAll
    static void restored() {
        baseline.assertRestored();
    }

    @Test
    void everyAcceptedMessageIsStoredOnceByteForByte() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .startTls(SmtpServerOptions.StartTlsMode.OFFERED)
                .implicitTls(0)
                .chunking(true)
                .user("app", "s3cret")
                .maxStoredMessages(MAX_STORED)
                .transcriptRetention(MAX_SESSIONS, MAX_ENTRIES)
                .build())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> clients = new ArrayList<>();
            try {
                for (int t = 0; t < CLIENTS; t++) {
                    int id = t;
                    clients.add(pool.submit(() -> client(smtp, id, deadline)));
                }
                int sessions = 0;
                for (Future<Integer> f : clients) {
                    sessions += f.get(SECONDS + 120L, TimeUnit.SECONDS);
                }
                assertThat(sessions).isPositive();
            } finally {
                pool.shutdownNow();
            }
            ConnectionLimitsTest.awaitAllClosed(smtp);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> smtp.mailbox().size() + smtp.mailbox().droppedCount() == accepted.size());
            List<ReceivedMessage> stored = smtp.mailbox().messages();
            Map<String, String> seen = new ConcurrentHashMap<>();
            for (ReceivedMessage m : stored) {
                String id = soakId(m.rawBytes());
                assertThat(seen.put(id, "")).as("stored once: %s", id).isNull();
                assertThat(sha256(m.rawBytes())).as("byte for byte: %s", id).isEqualTo(accepted.get(id));
            }
            if (MAX_STORED == 0) {
                assertThat(seen.keySet()).isEqualTo(accepted.keySet());
            } else {
                assertThat(stored).hasSize(Math.min(MAX_STORED, accepted.size()));
            }
            List<SessionTranscript> kept = smtp.transcript().sessions();
            if (MAX_SESSIONS > 0) {
                assertThat(kept).hasSizeLessThanOrEqualTo(MAX_SESSIONS);
            }
            if (MAX_ENTRIES > 0) {
                assertThat(kept).allSatisfy(s -> assertThat(s.entries()).hasSizeLessThanOrEqualTo(MAX_ENTRIES + 1));
            }
            long entries = kept.stream().mapToLong(s -> s.entries().size()).sum();
            kept = null;
            stored = null;
            ManagementFactory.getMemoryMXBean().gc();
            long heapMb =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            System.out.printf(
                    "soak: %d s, %d messages accepted, %d refused or cut, %d kept, %d dropped, transcript %d sessions"
                            + " (%d dropped) of %d entries, VmRSS %s, VmHWM %s, heap in use after a full GC %d MB%n",
                    SECONDS,
                    accepted.size(),
                    refused.get(),
                    smtp.mailbox().size(),
                    smtp.mailbox().droppedCount(),
                    smtp.transcript().sessions().size(),
                    smtp.transcript().droppedSessionCount(),
                    entries,
                    status("VmRSS"),
                    status("VmHWM"),
                    heapMb);
        }
    }

    private int client(MockSmtpServer smtp, int thread, long deadline) throws Exception {
        Random random = new Random(thread * 7919L);
        Kind[] kinds = Kind.values();
        int n = 0;
        while (System.nanoTime() < deadline) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            session(smtp, kind, thread + "-" + n++, random);
        }
        return n;
    }

    private void session(MockSmtpServer smtp, Kind kind, String id, Random random) throws Exception {
        SSLSocketFactory tls = smtp.clientTrust().socketFactory();
        Socket s = kind == Kind.SMTPS_AUTH
                ? tls.createSocket("127.0.0.1", smtp.smtpsPort())
                : Hostile.connect(smtp.port(), 0);
        s.setSoTimeout(30_000);
        Lockstep c = new Lockstep(s);
        try {
            c.expect("220");
            c.expect("EHLO soak", "250");
            if (kind == Kind.STARTTLS) {
                c.expect("STARTTLS", "220");
                c = new Lockstep(tls.createSocket(s, "localhost", s.getPort(), true));
                c.expect("EHLO soak", "250");
            }
            if (kind == Kind.SMTPS_AUTH) {
                c.expect(
                        "AUTH PLAIN "
                                + Base64.getEncoder().encodeToString("\0app\0s3cret".getBytes(StandardCharsets.UTF_8)),
                        "235");
            }
            int messages = 1 + random.nextInt(3);
            for (int i = 0; i < messages; i++) {
                byte[] content = content(id + "." + i, random);
                if (kind == Kind.RSET_MIDWAY) {
                    c.expect("MAIL FROM:<a@example.com>", "250");
                    c.expect("RCPT TO:<b@example.com>", "250");
                    c.expect("RSET", "250");
                    refused.incrementAndGet();
                }
                if (kind == Kind.PIPELINED) {
                    c.send("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
                    c.expect("250");
                    c.expect("250");
                    c.expect("354");
                } else if (kind != Kind.BDAT) {
                    c.expect("MAIL FROM:<a@example.com>", "250");
                    c.expect("RCPT TO:<b@example.com>", "250");
                    c.expect("DATA", "354");
                } else {
                    c.expect("MAIL FROM:<a@example.com>", "250");
                    c.expect("RCPT TO:<b@example.com>", "250");
                }
                if (kind == Kind.CUT_IN_DATA) {
                    c.out.write(stuffed(content), 0, content.length / 2);
                    c.out.flush();
                    refused.incrementAndGet();
                    Hostile.reset(c.socket);
                    return;
                }
                if (kind == Kind.BDAT) {
                    int cut = random.nextInt(content.length);
                    c.send("BDAT " + cut + "\r\n");
                    c.out.write(content, 0, cut);
                    c.expect("250");
                    c.send("BDAT " + (content.length - cut) + " LAST\r\n");
                    c.out.write(content, cut, content.length - cut);
                } else {
                    c.out.write(stuffed(content));
                    c.send(".\r\n");
                }
                c.expect("250");
                accepted.put(id + "." + i, sha256(content));
            }
            c.expect("QUIT", "221");
        } finally {
            c.socket.close();
            s.close();
        }
    }

    /** A message with an id header and lines of random printable ASCII, some starting with a dot. */
    private static byte[] content(String id, Random random) {
        int size = 200 + random.nextInt(Math.max(1, MAX_SIZE - 200));
        StringBuilder sb = new StringBuilder("X-Soak-Id: ")
                .append(id)
                .append("\r\nSubject: soak ")
                .append(id)
                .append("\r\n\r\n");
        while (sb.length() < size) {
            int length = random.nextInt(200);
            if (random.nextInt(10) == 0) {
                sb.append('.');
            }
            for (int i = 0; i < length; i++) {
                sb.append((char) (33 + random.nextInt(94)));
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] stuffed(byte[] content) {
        String s = new String(content, StandardCharsets.US_ASCII);
        return (s.startsWith(".") ? "." : "")
                .concat(s.replace("\r\n.", "\r\n.."))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String soakId(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.US_ASCII);
        return head.substring("X-Soak-Id: ".length(), head.indexOf("\r\n"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(field.length() + 1).strip())
                .findFirst()
                .orElse("?");
    }

    /** A client that sends a command and checks the code of its reply. */
    private static final class Lockstep {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Lockstep(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void expect(String command, String code) throws IOException {
            send(command + "\r\n");
            expect(code);
        }

        void expect(String code) throws IOException {
            out.flush();
            String line;
            do {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                int c;
                while ((c = in.read()) != '\n') {
                    if (c < 0) {
                        throw new IOException("closed while waiting for " + code);
                    }
                    b.write(c);
                }
                line = b.toString(StandardCharsets.US_ASCII);
            } while (line.length() > 3 && line.charAt(3) == '-');
            assertThat(line).startsWith(code);
        }
    }
}
