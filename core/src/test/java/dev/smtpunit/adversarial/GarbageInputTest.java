package dev.smtpunit.adversarial;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage of every kind gets well-formed replies, stores nothing, and leaves the server serving:
 * random octets, NUL, megabyte lines, TLS and HTTP on the SMTP port, CR/LF storms, invalid UTF-8,
 * ten thousand pipelined commands, garbage TLS records after a handshake.
 */
class GarbageInputTest {
    private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-9]{2}[ -][\\x20-\\x7e]*");
    private static Baseline baseline;
    private MockSmtpServer smtp;

    @BeforeAll
    static void baseline() throws Exception {
        baseline = Baseline.capture();
    }

    @AfterAll
    static void restored() {
        baseline.assertRestored();
    }

    @BeforeEach
    void start() {
        smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .startTls(SmtpServerOptions.StartTlsMode.OFFERED)
                .smtpUtf8(true)
                .build());
    }

    @AfterEach
    void stillServesAndStoredNothing() throws Exception {
        try {
            ConnectionLimitsTest.awaitAllClosed(smtp);
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(c.reply()).startsWith("220 ");
                assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
            }
            assertThat(smtp.mailbox().messages())
                    .as("garbage never becomes a message")
                    .isEmpty();
        } finally {
            smtp.close();
        }
    }

    /** Sends the octets, reads to the end and checks that every line the server sent is a reply line. */
    private List<String> replies(byte[] garbage) throws Exception {
        String got = Hostile.exchange(smtp.port(), garbage);
        assertThat(got).as("every reply ends in CRLF").endsWith("\r\n");
        List<String> lines = Arrays.asList(got.split("\r\n", -1)).subList(0, got.split("\r\n", -1).length - 1);
        assertThat(lines)
                .as("only well-formed reply lines")
                .allMatch(l -> REPLY_LINE.matcher(l).matches());
        assertThat(lines.get(0)).startsWith("220 ");
        return lines.subList(1, lines.size());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void randomOctets() throws Exception {
        Random random = new Random(19);
        for (int i = 0; i < 5; i++) {
            byte[] garbage = new byte[64 * 1024];
            random.nextBytes(garbage);
            replies(garbage);
        }
    }

    @Test
    void nulAndInvalidUtf8() throws Exception {
        assertThat(replies(ascii("EHLO x\0y\r\nMAIL FROM:<\u00ff\u00fe@example.com>\r\nEHLO \u00c3\u0028\r\nQUIT\r\n")))
                .extracting(l -> l.substring(0, 4))
                .containsExactly("500 ", "500 ", "500 ", "221 ");
    }

    @Test
    void megabyteLinesWithAndWithoutCrlf() throws Exception {
        byte[] mb = new byte[1 << 20];
        Arrays.fill(mb, (byte) 'a');
        assertThat(replies(Hostile.concat(mb, ascii("\r\nNOOP\r\n"))))
                .containsExactly("500 5.5.2 Error: line too long", "250 2.0.0 OK");
        assertThat(replies(mb)).containsExactly("500 5.5.2 Error: line too long");
    }

    @Test
    void tlsClientHelloAndHttpOnThePlainPort() throws Exception {
        assertThat(replies(Hostile.clientHello())).allMatch(l -> l.startsWith("500 "));
        assertThat(replies(ascii("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl\r\n\r\n")))
                .hasSize(4)
                .allMatch(l -> l.startsWith("500 "));
        assertThat(replies(ascii("POST /mail HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")))
                .hasSize(3)
                .allMatch(l -> l.startsWith("500 "));
    }

    @Test
    void crLfStorms() throws Exception {
        assertThat(replies(Hostile.repeat("\r\n", 20_000))).hasSize(20_000).allMatch(l -> l.startsWith("500 "));
        assertThat(replies(Hostile.concat(Hostile.repeat("\r\r\n\n\r", 5_000), ascii("\r\nNOOP\r\n"))))
                .allMatch(l -> l.startsWith("500 ") || l.equals("250 2.0.0 OK"))
                .last()
                .isEqualTo("250 2.0.0 OK");
    }

    @Test
    void tenThousandPipelinedNoops() throws Exception {
        assertThat(replies(Hostile.repeat("NOOP\r\n", 10_000))).hasSize(10_000).containsOnly("250 2.0.0 OK");
    }

    @Test
    void tenThousandRecipients() throws Exception {
        StringBuilder sb = new StringBuilder("EHLO x\r\nMAIL FROM:<a@example.com>\r\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("RCPT TO:<r").append(i).append("@example.com>\r\n");
        }
        sb.append("RSET\r\nQUIT\r\n");
        List<String> lines = replies(ascii(sb.toString()));
        List<String> rcpts = lines.subList(lines.indexOf("250 2.1.0 Sender <a@example.com> OK") + 1, lines.size() - 2);
        assertThat(rcpts).hasSize(10_000);
        assertThat(rcpts.stream().filter(l -> l.startsWith("250 2.1.5 "))).hasSize(100);
        assertThat(rcpts.subList(100, rcpts.size())).allMatch(l -> l.startsWith("452 4.5.3 "));
    }

    @Test
    void garbageTlsRecordsAfterTheHandshake() throws Exception {
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        byte[] fakeRecord = Hostile.concat(new byte[] {23, 3, 3, 0, 64}, Arrays.copyOf(noise, 64));
        for (byte[] garbage : List.of(noise, fakeRecord)) {
            RawClient c = RawClient.connect(smtp.host(), smtp.port());
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("STARTTLS")).startsWith("220 ");
            Socket plain = c.socket();
            c.upgradeToTls(smtp.clientTrust().socketFactory(), "localhost");
            assertThat(c.socket()).isInstanceOf(SSLSocket.class);
            OutputStream raw = plain.getOutputStream();
            raw.write(garbage);
            raw.flush();
            Hostile.readToEnd(plain);
            c.close();
        }
        ConnectionLimitsTest.awaitAllClosed(smtp);
        for (SessionTranscript s : smtp.transcript().sessions()) {
            assertThat(s.isClosed()).isTrue();
        }
    }
}
