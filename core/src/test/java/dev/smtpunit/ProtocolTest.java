package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact replies of the plain protocol, with a raw socket. */
class ProtocolTest {
    private MockSmtpServer smtp;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        smtp = new MockSmtpServer().start();
        client = RawClient.connect(smtp.host(), smtp.port());
        assertThat(client.reply()).isEqualTo("220 localhost ESMTP SmtpUnit");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        smtp.close();
    }

    private void ehlo() throws Exception {
        assertThat(client.command("EHLO client.test")).startsWith("250-localhost Hello client.test [127.0.0.1]\n");
    }

    @Test
    void answersEhloWithItsExtensions() throws Exception {
        assertThat(client.command("EHLO client.test"))
                .isEqualTo(
                        "250-localhost Hello client.test [127.0.0.1]\n250-PIPELINING\n250-ENHANCEDSTATUSCODES\n250 8BITMIME");
    }

    @Test
    void doesNotRepeatTheClientsOwnAddressLiteral() throws Exception {
        assertThat(client.command("HELO [127.0.0.1]")).isEqualTo("250 localhost Hello [127.0.0.1]");
        assertThat(client.command("EHLO [127.0.0.1]")).startsWith("250-localhost Hello [127.0.0.1]\n");
        assertThat(client.command("EHLO [192.0.2.1]"))
                .as("another address is shown beside the client's")
                .startsWith("250-localhost Hello [192.0.2.1] [127.0.0.1]\n");
    }

    @Test
    void refusesAMalformedAddressLiteralInEhloAndHeloWith501() throws Exception {
        assertThat(client.command("EHLO [IPv6:zz]"))
                .isEqualTo("501 5.5.2 Syntax error in address literal [IPv6:zz] (RFC 5321 section 4.1.3)");
        assertThat(client.command("HELO [300.1.1.1]"))
                .isEqualTo("501 5.5.2 Syntax error in address literal [300.1.1.1] (RFC 5321 section 4.1.3)");
        assertThat(client.command("EHLO [127.0.0.1"))
                .isEqualTo("501 5.5.2 Syntax error in address literal [127.0.0.1 (RFC 5321 section 4.1.3)");
        assertThat(client.command("MAIL FROM:<a@example.com>"))
                .as("no EHLO was accepted")
                .startsWith("503 ");
        assertThat(client.command("EHLO [IPv6:2001:db8::1]"))
                .startsWith("250-localhost Hello [IPv6:2001:db8::1] [127.0.0.1]\n");
        assertThat(client.command("EHLO [x-tag:anything]")).startsWith("250-");
    }

    @Test
    void answersHeloWithOneLine() throws Exception {
        assertThat(client.command("HELO client.test")).isEqualTo("250 localhost Hello client.test [127.0.0.1]");
    }

    @Test
    void acceptsACompleteTransaction() throws Exception {
        ehlo();
        assertThat(client.command("MAIL FROM:<app@example.com>")).isEqualTo("250 2.1.0 Sender <app@example.com> OK");
        assertThat(client.command("RCPT TO:<ada@example.com>")).isEqualTo("250 2.1.5 Recipient <ada@example.com> OK");
        assertThat(client.command("DATA")).isEqualTo("354 End data with <CR><LF>.<CR><LF>");
        assertThat(client.command("Subject: Hi\r\n\r\nHello\r\n.")).isEqualTo("250 2.0.0 Ok: message accepted");
        assertThat(client.command("QUIT")).isEqualTo("221 2.0.0 localhost Service closing transmission channel");
        assertThat(client.isClosedByServer()).isTrue();

        ReceivedMessage m =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(m.rawContent()).isEqualTo("Subject: Hi\r\n\r\nHello\r\n");
        assertThat(m.envelope().sender()).isEqualTo("app@example.com");
        assertThat(m.envelope().recipientAddresses()).containsExactly("ada@example.com");
        assertThat(m.envelope().heloName()).isEqualTo("client.test");
        assertThat(m.envelope().transactionIndex()).isEqualTo(1);
        assertThat(m.envelope().tls()).isEmpty();
    }

    @Test
    void storesOneMessagePerTransactionWithEveryRecipientInOrder() throws Exception {
        ehlo();
        client.command("MAIL FROM:<>");
        client.command("RCPT TO:<b@example.com>");
        client.command("RCPT TO:<a@example.com>");
        client.command("RCPT TO:<c@example.com>");
        client.command("DATA");
        client.command("Subject: x\r\n\r\nx\r\n.");
        client.command("MAIL FROM:<second@example.com>");
        client.command("RCPT TO:<d@example.com>");
        client.command("DATA");
        assertThat(client.command("Subject: y\r\n\r\ny\r\n.")).startsWith("250 ");

        var messages = smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5));
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).envelope().sender()).isEmpty();
        assertThat(messages.get(0).envelope().recipientAddresses())
                .containsExactly("b@example.com", "a@example.com", "c@example.com");
        assertThat(messages.get(1).envelope().recipientAddresses()).containsExactly("d@example.com");
        assertThat(messages.get(1).envelope().transactionIndex()).isEqualTo(2);
        assertThat(messages.get(1).envelope().sessionId())
                .isEqualTo(messages.get(0).envelope().sessionId());
    }

    @Test
    void rsetAbandonsTheTransaction() throws Exception {
        ehlo();
        client.command("MAIL FROM:<a@example.com>");
        client.command("RCPT TO:<b@example.com>");
        assertThat(client.command("RSET")).isEqualTo("250 2.0.0 OK");
        assertThat(client.command("DATA")).isEqualTo("503 5.5.1 Error: need MAIL command");
        assertThat(client.command("MAIL FROM:<c@example.com>")).startsWith("250 ");
    }

    @Test
    void noopAnswers250() throws Exception {
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 OK");
    }

    @Test
    void refusesCommandsOutOfOrderWith503() throws Exception {
        assertThat(client.command("MAIL FROM:<a@example.com>")).isEqualTo("503 5.5.0 Need HELO or EHLO before MAIL");
        ehlo();
        assertThat(client.command("RCPT TO:<b@example.com>")).isEqualTo("503 5.5.0 Need MAIL before RCPT");
        assertThat(client.command("DATA")).isEqualTo("503 5.5.1 Error: need MAIL command");
        client.command("MAIL FROM:<a@example.com>");
        assertThat(client.command("MAIL FROM:<a@example.com>")).isEqualTo("503 5.5.1 Error: nested MAIL command");
        assertThat(client.command("DATA")).isEqualTo("503 5.5.1 Error: need RCPT command (no valid recipients)");
    }

    @Test
    void refusesBadSyntaxWith501() throws Exception {
        assertThat(client.command("EHLO")).isEqualTo("501 5.5.4 Domain address required: EHLO");
        ehlo();
        assertThat(client.command("MAIL TO:<a@example.com>")).isEqualTo("501 5.5.4 Usage: MAIL FROM:<sender>");
        assertThat(client.command("MAIL FROM:a@example.com")).isEqualTo("501 5.1.7 Syntax error in MAIL command");
        assertThat(client.command("MAIL FROM:<not an address>")).isEqualTo("501 5.1.7 Syntax error in sender address");
        client.command("MAIL FROM:<a@example.com>");
        assertThat(client.command("RCPT FROM:<b@example.com>")).isEqualTo("501 5.5.2 Usage: RCPT TO:<recipient>");
        assertThat(client.command("DATA now")).isEqualTo("501 5.5.4 Syntax: DATA takes no parameters");
    }

    @Test
    void refusesUnknownCommandsWith500() throws Exception {
        assertThat(client.command("FOO bar")).isEqualTo("500 5.5.1 Command FOO unrecognized.");
        assertThat(client.command("NOOP")).startsWith("250");
    }

    @Test
    void answersTheOtherCommandsOfRfc5321() throws Exception {
        assertThat(client.command("")).isEqualTo("500 5.5.2 Syntax error: empty command line");
        assertThat(client.command("VRFY ada@example.com"))
                .isEqualTo("252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery");
        assertThat(client.command("VRFY")).isEqualTo("501 5.5.4 Syntax: VRFY <address>");
        assertThat(client.command("EXPN staff")).isEqualTo("502 5.3.3 EXPN is not supported");
        assertThat(client.command("HELP"))
                .isEqualTo("214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY");
        assertThat(client.command("noop")).as("commands are case-insensitive").isEqualTo("250 2.0.0 OK");
    }

    @Test
    void refusesParametersOfUnadvertisedExtensionsWith555() throws Exception {
        ehlo();
        assertThat(client.command("MAIL FROM:<a@example.com> SIZE=100"))
                .isEqualTo("555 5.5.4 Unsupported MAIL parameter SIZE (its extension is not advertised)");
        assertThat(client.command("MAIL FROM:<a@example.com> BODY=8BITMIME")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=SUCCESS"))
                .isEqualTo("555 5.5.4 Unsupported RCPT parameter NOTIFY (its extension is not advertised)");
    }

    @Test
    void recordsMailAndRcptParameters() throws Exception {
        try (MockSmtpServer dsn = MockSmtpServer.started(
                        SmtpServerOptions.builder().advertiseExtensions("DSN").build());
                RawClient c = RawClient.connect(dsn.host(), dsn.port())) {
            c.reply();
            assertThat(c.command("EHLO x")).endsWith("250 DSN");
            c.command("MAIL FROM:<a@example.com> RET=HDRS ENVID=abc BODY=7BIT");
            c.command("RCPT TO:<b@example.com> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;b@example.com");
            c.command("DATA");
            c.command("Subject: p\r\n\r\n.");
            Envelope env =
                    dsn.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).envelope();
            assertThat(env.mailParameters())
                    .containsExactly(
                            java.util.Map.entry("RET", "HDRS"),
                            java.util.Map.entry("ENVID", "abc"),
                            java.util.Map.entry("BODY", "7BIT"));
            assertThat(env.recipients().get(0).parameters())
                    .containsExactly(
                            java.util.Map.entry("NOTIFY", "SUCCESS,FAILURE"),
                            java.util.Map.entry("ORCPT", "rfc822;b@example.com"));
        }
    }

    @Test
    void quitClosesTheConnection() throws Exception {
        assertThat(client.command("QUIT")).startsWith("221 ");
        assertThat(client.isClosedByServer()).isTrue();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(smtp.transcript().session(1)::isClosed);
        assertThat(smtp.transcript().sessions().get(0).events().get(1).kind())
                .isEqualTo(TranscriptEntry.Kind.CLOSED_BY_SERVER);
    }

    @Test
    void roundTripsDotStuffedContentByteForByte() throws Exception {
        String content = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\tdot tab\r\nend\r\n";
        String stuffed = "Subject: dots\r\n\r\n..leading dot\r\n...two dots\r\n..\tdot tab\r\nend\r\n";
        ehlo();
        client.command("MAIL FROM:<a@example.com>");
        client.command("RCPT TO:<b@example.com>");
        client.command("DATA");
        assertThat(client.command(stuffed + ".")).startsWith("250 ");
        byte[] raw =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).rawBytes();
        assertThat(raw).isEqualTo(content.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void keepsEightBitContentUnchanged() throws Exception {
        byte[] body = "Subject: =?UTF-8?B?w6k=?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\ncaf\u00e9 \u2713\r\n"
                .getBytes(StandardCharsets.UTF_8);
        ehlo();
        client.command("MAIL FROM:<a@example.com> BODY=8BITMIME");
        client.command("RCPT TO:<b@example.com>");
        client.command("DATA");
        client.sendRaw(new String(body, StandardCharsets.ISO_8859_1) + ".\r\n");
        assertThat(client.reply()).startsWith("250 ");
        ReceivedMessage m =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(m.rawBytes()).isEqualTo(body);
        assertThat(m.subject()).isEqualTo("\u00e9");
        assertThat(m.textBody()).contains("caf\u00e9 \u2713\r\n");
    }

    @Test
    void answersPipelinedCommandsInOrder() throws Exception {
        client.sendRaw(
                "EHLO p.test\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n");
        assertThat(client.reply()).startsWith("250-localhost");
        assertThat(client.reply()).startsWith("250 2.1.0");
        assertThat(client.reply()).startsWith("250 2.1.5 Recipient <b@");
        assertThat(client.reply()).startsWith("250 2.1.5 Recipient <c@");
        assertThat(client.reply()).startsWith("354 ");
        client.sendRaw(
                "Subject: p\r\n\r\nbody\r\n.\r\nMAIL FROM:<d@example.com>\r\nRCPT TO:<e@example.com>\r\nDATA\r\n");
        assertThat(client.reply()).startsWith("250 2.0.0");
        assertThat(client.reply()).startsWith("250 2.1.0");
        assertThat(client.reply()).startsWith("250 2.1.5");
        assertThat(client.reply()).startsWith("354 ");
        assertThat(client.command("Subject: q\r\n\r\n.")).startsWith("250 2.0.0");
        assertThat(smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5)))
                .extracting(ReceivedMessage::subject)
                .containsExactly("p", "q");
    }

    @Test
    void refusesABareLfInACommand() throws Exception {
        client.sendRaw("NOOP\n");
        assertThat(client.reply())
                .isEqualTo(
                        "500 5.5.2 Syntax error: bare <LF> received; SMTP lines must end with <CRLF> (RFC 5321 section 2.3.8)");
        assertThat(client.command("NOOP")).startsWith("250");
    }

    @Test
    void refusesEightBitCommandsWithoutSmtpUtf8() throws Exception {
        ehlo();
        client.sendRaw("MAIL FROM:<j\u00f6rg@example.com>\r\n");
        assertThat(client.reply())
                .isEqualTo("500 5.5.2 Syntax error: 8-bit or control characters in a command; SMTPUTF8 is not offered");
    }

    @Test
    void refusesOverlongCommandLines() throws Exception {
        assertThat(client.command("NOOP " + "x".repeat(3000)))
                .isEqualTo("500 5.5.2 Error: line too long (at most 2048 octets)");
        client.sendRaw("NOOP " + "y".repeat(20000) + "\r\n");
        assertThat(client.reply()).startsWith("500 5.5.2 Error: line too long");
        assertThat(client.command("NOOP")).startsWith("250");
    }

    @Test
    void abruptDisconnectDuringDataStoresNothingAndServerKeepsServing() throws Exception {
        ehlo();
        client.command("MAIL FROM:<a@example.com>");
        client.command("RCPT TO:<b@example.com>");
        client.command("DATA");
        client.sendRaw("Subject: half\r\n\r\nsome content\r\n");
        client.close();

        try (RawClient second = RawClient.connect(smtp.host(), smtp.port())) {
            second.reply();
            second.command("EHLO again");
            second.command("MAIL FROM:<a@example.com>");
            second.command("RCPT TO:<b@example.com>");
            second.command("DATA");
            assertThat(second.command("Subject: whole\r\n\r\n.")).startsWith("250 ");
        }
        assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)))
                .extracting(ReceivedMessage::subject)
                .containsExactly("whole");
        SessionTranscript first = smtp.transcript().session(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(first::isClosed);
        assertThat(first.events())
                .extracting(TranscriptEntry.Event::detail)
                .contains(
                        "connection lost during DATA after 31 bytes; the message was discarded",
                        "connection closed by client");
    }
}
