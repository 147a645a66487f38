package dev.smtpunit;

import dev.smtpunit.fault.FaultMatcher;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** CHUNKING and BINARYMIME (RFC 3030), byte for byte with a raw socket. */
class ChunkingTest {
    private MockSmtpServer smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.close();
        }
    }

    private RawClient inTransaction(SmtpServerOptions.Builder options) throws Exception {
        smtp = MockSmtpServer.started(options.build());
        RawClient c = RawClient.connect(smtp.host(), smtp.port());
        c.reply();
        c.command("EHLO x");
        assertThat(c.command("MAIL FROM:<a@example.com>")).startsWith("250 ");
        assertThat(c.command("RCPT TO:<b@example.com>")).startsWith("250 ");
        return c;
    }

    private RawClient inTransaction() throws Exception {
        return inTransaction(SmtpServerOptions.builder().chunking(true));
    }

    private static String stored(ReceivedMessage m) {
        return new String(m.rawBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void advertisesChunkingAndBinaryMimeOnlyWhenEnabled() throws Exception {
        smtp = MockSmtpServer.started(SmtpServerOptions.builder().chunking(true).build());
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("EHLO x"))
                    .isEqualTo("250-localhost Hello x [127.0.0.1]\n250-PIPELINING\n"
                            + "250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250-CHUNKING\n250 BINARYMIME");
        }
        smtp.close();
        smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .chunking(true)
                .hideExtensions("BINARYMIME")
                .build());
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("EHLO x")).endsWith("\n250-8BITMIME\n250 CHUNKING");
            assertThat(c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME"))
                    .isEqualTo("555 5.5.4 Invalid BODY value BINARYMIME (7BIT or 8BITMIME)");
        }
        smtp.close();
        smtp = MockSmtpServer.started(SmtpServerOptions.builder().build());
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("EHLO x")).doesNotContain("CHUNKING").doesNotContain("BINARYMIME");
            assertThat(c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME"))
                    .isEqualTo("555 5.5.4 Invalid BODY value BINARYMIME (7BIT or 8BITMIME)");
        }
    }

    /** RFC 3030 section 2: each chunk is exactly chunk-size octets, answered 250; pipelined with MAIL and RCPT. */
    @Test
    void storesAMessageSentInPipelinedChunksExactlyAsSent() throws Exception {
        smtp = MockSmtpServer.started(SmtpServerOptions.builder().chunking(true).build());
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            // a chunk is not SMTP text: "\r\n.\r\n" and a leading dot are content, not an end or dot-stuffing
            c.sendRaw(
                    "MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nBDAT 22\r\nSubject: s\r\n\r\n.\r\n..x\r\n"
                            + "BDAT 7 LAST\r\nend\r\n\r\nNOOP\r\n");
            assertThat(c.reply()).startsWith("250 2.1.0");
            assertThat(c.reply()).startsWith("250 2.1.5");
            assertThat(c.reply()).isEqualTo("250 2.0.0 Ok: 22 octets received");
            assertThat(c.reply()).isEqualTo("250 2.0.0 Ok: message accepted");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
        }
        ReceivedMessage m =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(stored(m)).isEqualTo("Subject: s\r\n\r\n.\r\n..x\r\nend\r\n\r\n");
        assertThat(m.envelope().bdatChunks()).isEqualTo(2);
        assertThat(m.subject()).isEqualTo("s");
        assertThat(smtp.transcript().exchanges(SmtpPhase.BDAT))
                .extracting(TranscriptEntry.Exchange::clientLine)
                .containsExactly("BDAT 22 <chunk 1: 22 octets>", "BDAT 7 LAST <message: 29 bytes in 2 chunks>");
    }

    /** RFC 3030 section 2: the reply waits for the last octet of the chunk, however the octets are split. */
    @Test
    void waitsForEveryOctetOfAChunkSplitAcrossSegments() throws Exception {
        try (RawClient c = inTransaction()) {
            c.sendRaw("BDAT 24 LAST\r\nSubject: split\r\n");
            c.setTimeoutMillis(200);
            assertThat(c.replyOrTimeout())
                    .as("no reply before the chunk is complete")
                    .isNull();
            c.setTimeoutMillis(5000);
            c.sendRaw("\r\nbody\r\n");
            assertThat(c.reply()).isEqualTo("250 2.0.0 Ok: message accepted");
        }
        assertThat(stored(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0)))
                .isEqualTo("Subject: split\r\n\r\nbody\r\n");
    }

    /** RFC 3030 section 2: "The last BDAT command MAY have a byte-count of zero". */
    @Test
    void acceptsLastOnAnEmptyChunk() throws Exception {
        try (RawClient c = inTransaction()) {
            assertThat(c.command("BDAT 12\r\nSubject: e")).isEqualTo("250 2.0.0 Ok: 12 octets received");
            assertThat(c.command("BDAT 0 LAST")).isEqualTo("250 2.0.0 Ok: message accepted");
        }
        ReceivedMessage m =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(stored(m)).isEqualTo("Subject: e\r\n");
        assertThat(m.envelope().bdatChunks()).isEqualTo(2);
    }

    /** RFC 3030 section 2: "If a DATA statement is issued after a BDAT for the current transaction, a 503". */
    @Test
    void refusesDataAfterBdatInOneTransaction() throws Exception {
        try (RawClient c = inTransaction()) {
            assertThat(c.command("BDAT 5\r\nabc")).startsWith("250 ");
            assertThat(c.command("DATA"))
                    .isEqualTo("503 5.5.1 Error: DATA after BDAT in one transaction (RFC 3030 section 2); send RSET");
            assertThat(c.command("RSET")).startsWith("250 ");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            assertThat(c.command("DATA")).startsWith("354 ");
            assertThat(c.command("Subject: by DATA\r\n\r\n.")).startsWith("250 ");
        }
        ReceivedMessage m =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(m.subject()).isEqualTo("by DATA");
        assertThat(m.envelope().bdatChunks()).isZero();
    }

    /** A transaction ended by DATA is over: a BDAT after it has no MAIL, and its chunk is still read and dropped. */
    @Test
    void refusesBdatAfterDataEndedTheTransactionAndDropsItsChunk() throws Exception {
        try (RawClient c = inTransaction()) {
            c.command("DATA");
            assertThat(c.command("Subject: d\r\n\r\n.")).startsWith("250 ");
            // the chunk's octets are "QUIT\r\n": read as a command, they would end the session
            assertThat(c.command("BDAT 6 LAST\r\nQUIT")).isEqualTo("503 5.5.1 Error: need MAIL command");
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
            c.command("MAIL FROM:<a@example.com>");
            assertThat(c.command("BDAT 6 LAST\r\nQUIT"))
                    .isEqualTo("503 5.5.1 Error: need RCPT command (no valid recipients)");
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
        assertThat(smtp.mailbox().messages()).hasSize(1);
    }

    /** RFC 3030 section 3: BINARYMIME content must not be sent with DATA (503); with BDAT it is stored as sent. */
    @Test
    void takesBinaryMimeOnlyWithBdat() throws Exception {
        smtp = MockSmtpServer.started(SmtpServerOptions.builder().chunking(true).build());
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("MAIL FROM:<a@example.com> BODY=BINARYMIME")).startsWith("250 ");
            c.command("RCPT TO:<b@example.com>");
            assertThat(c.command("DATA"))
                    .isEqualTo("503 5.5.1 Error: BODY=BINARYMIME content must be sent with BDAT (RFC 3030 section 3)");
            String binary = "Subject: bin\r\n\r\n\u0000\u00ff\n\r\u0080";
            c.sendRaw("BDAT " + binary.length() + " LAST\r\n" + binary);
            assertThat(c.reply()).isEqualTo("250 2.0.0 Ok: message accepted");
        }
        ReceivedMessage m =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(m.rawBytes()).endsWith(0, 0xff, '\n', '\r', 0x80);
        assertThat(m.envelope().mailParameters()).containsEntry("BODY", "BINARYMIME");
    }

    /** RFC 1870 with RFC 3030: SIZE counts across chunks; the chunk that goes over is read, then refused with 552. */
    @Test
    void enforcesTheSizeLimitAcrossChunks() throws Exception {
        try (RawClient c =
                inTransaction(SmtpServerOptions.builder().chunking(true).maxMessageSize(20))) {
            assertThat(c.command("BDAT 15\r\n0123456789abc")).startsWith("250 ");
            c.sendRaw("BDAT 10\r\nfghijklmnoBDAT 1 LAST\r\nxNOOP\r\n");
            assertThat(c.reply()).isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size of 20 bytes");
            assertThat(c.reply())
                    .as("the transaction ended with the 552")
                    .isEqualTo("503 5.5.1 Error: need MAIL command");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
        }
        smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(20));
    }

    @Test
    void refusesMalformedBdatWith501() throws Exception {
        try (RawClient c = inTransaction()) {
            assertThat(c.command("BDAT")).isEqualTo("501 5.5.4 Syntax: BDAT chunk-size [LAST] (RFC 3030 section 2)");
            assertThat(c.command("BDAT ten"))
                    .isEqualTo("501 5.5.4 Syntax: BDAT chunk-size [LAST] (RFC 3030 section 2)");
            assertThat(c.command("BDAT 1 FIRST"))
                    .isEqualTo("501 5.5.4 Syntax: BDAT chunk-size [LAST] (RFC 3030 section 2)");
            assertThat(c.command("BDAT -1")).isEqualTo("501 5.5.4 Syntax: BDAT chunk-size [LAST] (RFC 3030 section 2)");
            assertThat(c.command("BDAT 2 last\r\n")).isEqualTo("250 2.0.0 Ok: message accepted");
        }
    }

    @Test
    void refusesTheThirdChunkByFaultRule() throws Exception {
        try (RawClient c = inTransaction()) {
            smtp.faults()
                    .on(SmtpPhase.BDAT)
                    .matching(FaultMatcher.chunk(3))
                    .reply(452, "4.3.1 Out of space for chunk 3");
            assertThat(c.command("BDAT 3\r\na")).startsWith("250 ");
            assertThat(c.command("BDAT 3\r\nb")).startsWith("250 ");
            assertThat(c.command("BDAT 3\r\nc")).isEqualTo("452 4.3.1 Out of space for chunk 3");
        }
        assertThat(smtp.transcript().exchanges(SmtpPhase.BDAT).get(2).injected())
                .isTrue();
    }

    @Test
    void closesAfterTheLastChunkByFaultRuleAndStoresNothing() throws Exception {
        try (RawClient c = inTransaction()) {
            smtp.faults().on(SmtpPhase.BDAT).matching(FaultMatcher.lastChunk()).close();
            assertThat(c.command("BDAT 3\r\na")).startsWith("250 ");
            c.sendRaw("BDAT 1 LAST\r\nb");
            assertThat(c.isClosedByServer()).isTrue();
        }
        smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(20));
        assertThat(smtp.transcript().exchanges(SmtpPhase.BDAT).get(1).reply()).isNull();
    }

    @Test
    void appliesEndOfDataRulesToTheLastChunk() throws Exception {
        try (RawClient c = inTransaction()) {
            smtp.faults().on(SmtpPhase.END_OF_DATA).matching(FaultMatcher.any()).reply(554, "5.7.1 Spam detected");
            assertThat(c.command("BDAT 12 LAST\r\nSubject: s")).isEqualTo("554 5.7.1 Spam detected");
        }
        smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(20));
    }

    @Test
    void recordsAChunkCutShortByTheClient() throws Exception {
        try (RawClient c = inTransaction()) {
            c.sendRaw("BDAT 100 LAST\r\nonly ten.");
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.transcript().session(1).isClosed());
        assertThat(smtp.transcript().session(1).events())
                .extracting(TranscriptEntry.Event::detail)
                .anyMatch(d -> d.matches(
                        "connection lost during BDAT chunk 1, \\d+ of 100 octets missing; the message was discarded"));
        assertThat(smtp.mailbox().messages()).isEmpty();
    }

    @Test
    void leavesBdatUnknownWhenChunkingIsOff() throws Exception {
        try (RawClient c = inTransaction(SmtpServerOptions.builder())) {
            assertThat(c.command("BDAT 4 LAST")).startsWith("500 ");
        }
    }
}
