package dev.smtpunit.lint;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server refuses at end of DATA what the modelled receiver refuses, with its reply, and says which rule. */
class ReceiverProfileTest {
    private static final String CLEAN = new String(LintCorpusTest.read("clean.eml"), StandardCharsets.ISO_8859_1);

    @Test
    void gmailRefusesMissingMessageIdWithItsPublishedReply() throws Exception {
        try (MockSmtpServer smtp = server(ReceiverProfile.GMAIL)) {
            String reply = send(smtp, without(CLEAN, "Message-ID"));
            assertThat(reply)
                    .isEqualTo(
                            "550 5.7.1 Messages missing a valid Message-ID: header are not accepted."
                                    + " For more information, go to Email sender guidelines and review RFC 5322 specifications. - gsmtp");
            assertThat(smtp.mailbox().messages()).isEmpty();
            assertThat(smtp.transcript().toString())
                    .contains("receiver profile GMAIL refused the message: rule"
                            + " header.message-id.missing: ERROR header.message-id.missing [RFC 5322 section 3.6.4");
            assertThat(smtp.transcript().sessions().get(0).events())
                    .filteredOn(e -> e.detail().startsWith("receiver profile"))
                    .singleElement()
                    .extracting(TranscriptEntry.Event::kind)
                    .isEqualTo(TranscriptEntry.Kind.CONTENT_CHECK);
        }
    }

    @Test
    void gmailRefusesDuplicateHeaders() throws Exception {
        try (MockSmtpServer smtp = server(ReceiverProfile.GMAIL)) {
            String reply = send(smtp, CLEAN.replace("Subject: ", "Subject: again\r\nSubject: "));
            assertThat(reply)
                    .startsWith("550 5.7.1 This message is not RFC 5322 compliant because it has duplicate headers.");
        }
    }

    @Test
    void gmailRefusesAnInvalidFromAddress() throws Exception {
        try (MockSmtpServer smtp = server(ReceiverProfile.GMAIL)) {
            String reply = send(smtp, CLEAN.replace("From: Example Shop <billing@shop.example>", "From: Example Shop"));
            assertThat(reply)
                    .startsWith("550 5.7.1 Messages missing a valid address in the From: header, or having no"
                            + " From: header, are not accepted.");
        }
    }

    @Test
    void gmailRefusesRawUnicodeInHeadersWithoutSmtputf8() throws Exception {
        try (MockSmtpServer smtp = server(ReceiverProfile.GMAIL)) {
            String reply = send(smtp, CLEAN.replace("Subject: Your receipt", "Subject: Ihre Best\u00c3\u00a4tigung"));
            assertThat(reply).startsWith("550 5.7.1 The message contains a unicode character in a disallowed header.");
        }
    }

    @Test
    void gmailRefusesAnUnclosedMultipartAsMalformed() throws Exception {
        try (MockSmtpServer smtp = server(ReceiverProfile.GMAIL)) {
            String reply = send(smtp, CLEAN.replace("--mixed-b1--\r\n", ""));
            assertThat(reply)
                    .isEqualTo("554 5.6.0 Mail message is malformed. Not accepted. For more information, go to"
                            + " Email sender guidelines and review RFC 5322 specifications. - gsmtp");
            assertThat(smtp.transcript().toString()).contains("rule mime.boundary.not-closed");
        }
    }

    @Test
    void gmailRefusesMoreThanFiftyHops() throws Exception {
        try (MockSmtpServer smtp = server(ReceiverProfile.GMAIL)) {
            String hops = "Received: from relay.example by mx.example; Mon, 30 Nov 2026 14:05:00 +0000\r\n".repeat(51);
            assertThat(send(smtp, hops + CLEAN))
                    .startsWith("554 5.4.6 Message exceeded 50 hops, this may indicate a mail loop.");
        }
    }

    @Test
    void gmailAcceptsAMissingDateButStrictRfcRefusesIt() throws Exception {
        try (MockSmtpServer gmail = server(ReceiverProfile.GMAIL);
                MockSmtpServer strict = server(ReceiverProfile.STRICT_RFC)) {
            assertThat(send(gmail, without(CLEAN, "Date"))).startsWith("250 ");
            assertThat(send(strict, without(CLEAN, "Date")))
                    .isEqualTo("554 5.6.0 Message refused: the Date field is"
                            + " missing; every message must have one (RFC 5322 section 3.6; rule header.date.missing)");
            assertThat(strict.mailbox().messages()).isEmpty();
            assertThat(gmail.mailbox().messages()).hasSize(1);
        }
    }

    @Test
    void cleanUnsignedMailIsAcceptedByEveryProfileButOutlook() throws Exception {
        // OUTLOOK requires a DKIM signature (OutlookProfileTest); the others judge the content only
        for (ReceiverProfile profile : java.util.EnumSet.complementOf(java.util.EnumSet.of(ReceiverProfile.OUTLOOK))) {
            try (MockSmtpServer smtp = server(profile)) {
                assertThat(send(smtp, CLEAN)).as(profile.name()).startsWith("250 ");
                assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)))
                        .hasSize(1);
            }
        }
    }

    @Test
    void decisionIsAPureFunctionOfContentAndEnvelope() {
        byte[] content = without(CLEAN, "Message-ID").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ReceiverProfile.GMAIL.check(content, "billing@shop.example", Map.of()))
                .hasValueSatisfying(r -> {
                    assertThat(r.code()).isEqualTo(550);
                    assertThat(r.ruleId()).isEqualTo("header.message-id.missing");
                });
        assertThat(ReceiverProfile.NONE.check(content, "billing@shop.example", Map.of()))
                .isEmpty();
    }

    @Test
    void lintOptionRecordsFindingsInTheTranscriptAndStillAccepts() throws Exception {
        try (MockSmtpServer smtp =
                MockSmtpServer.started(SmtpServerOptions.builder().lint(true).build())) {
            assertThat(send(smtp, without(CLEAN, "Date"))).startsWith("250 ");
            assertThat(smtp.transcript().toString())
                    .contains("lint: 1 error(s), 0 warning(s); first: ERROR"
                            + " header.date.missing [RFC 5322 section 3.6]");
        }
    }

    @Test
    void refusesAMessageSentWithBdatAsWell() throws Exception {
        String content = without(CLEAN, "Message-ID");
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .receiverProfile(ReceiverProfile.GMAIL)
                        .chunking(true)
                        .build());
                RawClient client = inTransaction(smtp, "MAIL FROM:<billing@shop.example>")) {
            client.sendRaw("BDAT " + content.length() + " LAST\r\n" + content);
            assertThat(client.reply())
                    .startsWith("550 5.7.1 Messages missing a valid Message-ID: header are not accepted.");
            assertThat(smtp.mailbox().messages()).isEmpty();
            client.sendRaw("BDAT 1 LAST\r\nx");
            assertThat(client.reply())
                    .as("the refusal ended the transaction")
                    .isEqualTo("503 5.5.1 Error: need MAIL command");
        }
    }

    @Test
    void gmailAcceptsUtf8HeadersInATransactionThatDeclaresSmtpUtf8() throws Exception {
        String content = CLEAN.replace("Subject: Your receipt", "Subject: Ihre Best\u00c3\u00a4tigung");
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .receiverProfile(ReceiverProfile.GMAIL)
                        .smtpUtf8(true)
                        .build());
                RawClient client = inTransaction(smtp, "MAIL FROM:<billing@shop.example> SMTPUTF8")) {
            client.command("DATA");
            assertThat(client.command(content + ".")).isEqualTo("250 2.0.0 Ok: message accepted");
            assertThat(smtp.mailbox()
                            .awaitMessages(1, Duration.ofSeconds(5))
                            .get(0)
                            .subject())
                    .isEqualTo("Ihre Best\u00e4tigung for order 1042");
        }
    }

    private static MockSmtpServer server(ReceiverProfile profile) {
        return MockSmtpServer.started(
                SmtpServerOptions.builder().receiverProfile(profile).build());
    }

    private static String without(String message, String header) {
        return message.replaceFirst("(?m)^" + header + ":[^\r\n]*\r\n", "");
    }

    /** @return a client that has sent EHLO, this MAIL and one RCPT */
    private static RawClient inTransaction(MockSmtpServer smtp, String mail) throws Exception {
        RawClient client = RawClient.connect(smtp.host(), smtp.port());
        client.reply();
        client.command("EHLO client.example");
        client.command(mail);
        client.command("RCPT TO:<ada@example.com>");
        return client;
    }

    /** @return the reply to the end of the content */
    static String send(MockSmtpServer smtp, String content) throws Exception {
        try (RawClient client = inTransaction(smtp, "MAIL FROM:<billing@shop.example>")) {
            client.command("DATA");
            return client.command(content + ".");
        }
    }
}
