package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** SMTPUTF8 (RFC 6531) and UTF-8 header fields (RFC 6532), with exact bytes over a raw socket. */
class SmtpUtf8Test {
    private static final String JURGEN = "j\u00fcrgen@b\u00fccher.example";
    private static final String GREEK =
            "\u03b4\u03bf\u03ba\u03b9\u03bc\u03ae@\u03c0\u03b1\u03c1\u03ac\u03b4\u03b5\u03b9\u03b3\u03bc\u03b1.\u03b4\u03bf\u03ba\u03b9\u03bc\u03ae";
    private static final SmtpServerOptions OFFERED =
            SmtpServerOptions.builder().smtpUtf8(true).build();

    /** Sends the line as UTF-8 octets and reads the reply as UTF-8. */
    private static String utf8(RawClient c, String line) throws Exception {
        c.sendRaw(new String((line + "\r\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        return new String(c.reply().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static RawClient connect(MockSmtpServer smtp) throws Exception {
        RawClient c = RawClient.connect(smtp.host(), smtp.port());
        c.reply();
        return c;
    }

    @Test
    void advertisesSmtpUtf8OnlyWhenOffered_6531_3_2() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(OFFERED);
                RawClient c = connect(smtp)) {
            assertThat(c.command("EHLO client.test"))
                    .isEqualTo("250-localhost Hello client.test [127.0.0.1]\n"
                            + "250-PIPELINING\n250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250 SMTPUTF8");
        }
        SmtpServerOptions hidden =
                OFFERED.toBuilder().hideExtensions("SMTPUTF8").build();
        try (MockSmtpServer smtp = MockSmtpServer.started(hidden);
                RawClient c = connect(smtp)) {
            assertThat(c.command("EHLO client.test")).endsWith("250 8BITMIME");
            assertThat(c.command("MAIL FROM:<a@example.com> SMTPUTF8"))
                    .startsWith("555 5.5.4 Unsupported MAIL parameter SMTPUTF8");
        }
    }

    @Test
    void acceptsUtf8MailboxesAndHeadersInADeclaredTransaction_6531_3_4_and_6532_3() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(OFFERED);
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            assertThat(utf8(c, "MAIL FROM:<" + JURGEN + "> SMTPUTF8"))
                    .isEqualTo("250 2.1.0 Sender <" + JURGEN + "> OK");
            assertThat(utf8(c, "RCPT TO:<" + GREEK + ">")).isEqualTo("250 2.1.5 Recipient <" + GREEK + "> OK");
            assertThat(utf8(c, "RCPT TO:<\"\u00e9l\u00e8ve x\"@[192.0.2.1]>")).startsWith("250 ");
            assertThat(c.command("DATA")).startsWith("354 ");
            assertThat(utf8(
                            c,
                            "From: J\u00fcrgen <" + JURGEN + ">\r\nTo: <" + GREEK
                                    + ">\r\nSubject: Gr\u00fc\u00dfe aus K\u00f6ln\r\n"
                                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHallo \u2713\r\n."))
                    .isEqualTo("250 2.0.0 Ok: message accepted");

            ReceivedMessage m =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(m.envelope().isSmtpUtf8()).isTrue();
            assertThat(m.envelope().sender()).isEqualTo(JURGEN);
            assertThat(m.envelope().recipientAddresses()).containsExactly(GREEK, "\"\u00e9l\u00e8ve x\"@[192.0.2.1]");
            assertThat(m.subject()).isEqualTo("Gr\u00fc\u00dfe aus K\u00f6ln");
            assertThat(m.headers("From")).containsExactly("J\u00fcrgen <" + JURGEN + ">");
            assertThat(m.textBody()).hasValue("Hallo \u2713\r\n");
            assertThat(smtp.transcript().toString())
                    .as("the transcript keeps UTF-8, no mojibake")
                    .contains("C: MAIL FROM:<" + JURGEN + "> SMTPUTF8", "S: 250 2.1.5 Recipient <" + GREEK + "> OK")
                    .doesNotContain("\u00c3");
        }
    }

    @Test
    void refusesANonAsciiAddressInATransactionThatDidNotDeclareIt_6531_3_4_and_3_7_4_1() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(OFFERED);
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            assertThat(utf8(c, "MAIL FROM:<" + JURGEN + ">"))
                    .isEqualTo("550 5.6.7 Non-ASCII sender address not permitted:"
                            + " MAIL did not declare SMTPUTF8 (RFC 6531 section 3.5)");
            assertThat(c.command("MAIL FROM:<a@example.com>")).startsWith("250 ");
            assertThat(utf8(c, "RCPT TO:<" + GREEK + ">"))
                    .isEqualTo("553 5.6.7 Non-ASCII recipient address not permitted:"
                            + " MAIL did not declare SMTPUTF8 (RFC 6531 section 3.5)");
            assertThat(c.command("RCPT TO:<b@example.com>"))
                    .as("the transaction goes on")
                    .startsWith("250 ");
            assertThat(c.command("MAIL FROM:<a@example.com> SMTPUTF8=yes")).startsWith("503 ");
            assertThat(c.command("RSET")).startsWith("250 ");
            assertThat(c.command("MAIL FROM:<a@example.com> SMTPUTF8=yes"))
                    .isEqualTo("501 5.5.4 SMTPUTF8 takes no value (RFC 6531 section 3.4)");
        }
    }

    @Test
    void refusesANonAsciiAddressWhenTheExtensionIsOff_6531_3_4() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            assertThat(utf8(c, "MAIL FROM:<" + JURGEN + ">"))
                    .isEqualTo("550 5.6.7 Non-ASCII sender address not permitted:"
                            + " SMTPUTF8 is not offered (RFC 6531 section 3.5)");
            assertThat(utf8(c, "MAIL FROM:<" + JURGEN + "> SMTPUTF8"))
                    .isEqualTo("555 5.5.4 Unsupported MAIL parameter SMTPUTF8 (its extension is not advertised)");
            assertThat(utf8(c, "NOOP \u00e9"))
                    .isEqualTo(
                            "500 5.5.2 Syntax error: 8-bit or control characters in a command; SMTPUTF8 is not offered");
            assertThat(smtp.transcript().toString()).contains("C: MAIL FROM:<" + JURGEN + ">");
        }
    }

    @Test
    void refusesOctetsThatAreNotUtf8AndUtf8OutsideAddresses_6531_3_3() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(OFFERED);
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            c.sendRaw("MAIL FROM:<j\u00fcrgen@example.com> SMTPUTF8\r\n"); // ISO-8859-1: a lone 0xFC octet
            assertThat(c.reply())
                    .isEqualTo("500 5.5.2 Syntax error: 8-bit octets that are not UTF-8 in a command"
                            + " (RFC 6531 section 3.3)");
            assertThat(utf8(c, "EHLO b\u00fccher.example"))
                    .isEqualTo("500 5.5.2 Syntax error: UTF-8 is allowed only in the"
                            + " arguments of MAIL, RCPT, VRFY and EXPN (RFC 6531 section 3.3)");
            assertThat(utf8(c, "VRFY j\u00fcrgen")).startsWith("252 ");
            c.sendRaw("NOOP \u0001\r\n");
            assertThat(c.reply()).isEqualTo("500 5.5.2 Syntax error: control characters in a command");
        }
    }

    @Test
    void refusesUtf8HeaderFieldsInATransactionThatDidNotDeclareSmtpUtf8_6532_3() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(OFFERED);
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            c.command("MAIL FROM:<a@example.com> BODY=8BITMIME");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            assertThat(utf8(c, "Subject: Gr\u00fc\u00dfe\r\n\r\nbody\r\n."))
                    .isEqualTo("554 5.6.9 Message refused: 8-bit octets in"
                            + " the header section, but MAIL did not declare SMTPUTF8 (RFC 6532 section 3)");
            c.command("MAIL FROM:<a@example.com> BODY=8BITMIME");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            assertThat(utf8(c, "Subject: ascii\r\n\r\nGr\u00fc\u00dfe in the body (RFC 6152)\r\n."))
                    .startsWith("250 ");
            c.command("MAIL FROM:<a@example.com> SMTPUTF8");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            c.sendRaw("Subject: Gr\u00fc\u00dfe\r\n\r\n.\r\n"); // ISO-8859-1 octets
            assertThat(c.reply())
                    .isEqualTo("554 5.6.9 Message refused: header octets that are not UTF-8 (RFC 6532 section 3)");
            assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)))
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("ascii");
        }
    }

    @Test
    void refusesUtf8HeaderFieldsSentWithBdatInATransactionThatDidNotDeclareSmtpUtf8_6532_3() throws Exception {
        SmtpServerOptions options = OFFERED.toBuilder().chunking(true).build();
        byte[] header = "Subject: Gr\u00fc\u00dfe\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8);
        String chunk = new String(header, StandardCharsets.ISO_8859_1);
        try (MockSmtpServer smtp = MockSmtpServer.started(options);
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            c.command("MAIL FROM:<a@example.com> BODY=8BITMIME");
            c.command("RCPT TO:<b@example.com>");
            c.sendRaw("BDAT " + header.length + " LAST\r\n" + chunk);
            assertThat(c.reply())
                    .isEqualTo(
                            "554 5.6.9 Message refused:"
                                    + " 8-bit octets in the header section, but MAIL did not declare SMTPUTF8 (RFC 6532 section 3)");
            c.sendRaw("BDAT 1 LAST\r\nx");
            assertThat(c.reply())
                    .as("the refusal ended the transaction")
                    .isEqualTo("503 5.5.1 Error: need MAIL command");
            c.command("MAIL FROM:<a@example.com> SMTPUTF8");
            c.command("RCPT TO:<b@example.com>");
            c.sendRaw("BDAT " + header.length + " LAST\r\n" + chunk);
            assertThat(c.reply()).isEqualTo("250 2.0.0 Ok: message accepted");
            assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)))
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("Gr\u00fc\u00dfe");
            assertThat(smtp.transcript().toString())
                    .contains("8-bit octets in the header section, but MAIL did not declare" + " SMTPUTF8");
        }
    }
}
