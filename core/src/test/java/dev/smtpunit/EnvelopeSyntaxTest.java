package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** MAIL and RCPT to the letter of RFC 5321 section 4.1.2, with exact replies over a raw socket. */
class EnvelopeSyntaxTest {
    private MockSmtpServer smtp;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().maxMessageSize(1000).build());
        client = RawClient.connect(smtp.host(), smtp.port());
        client.reply();
        client.command("EHLO client.test");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        smtp.close();
    }

    @Test
    void strayAngleBracketsAreSyntaxErrorsNotUnknownParameters_4_1_2() throws Exception {
        assertThat(client.command("MAIL FROM:<<a@example.com>>")).isEqualTo("501 5.1.7 Syntax error in sender address");
        assertThat(client.command("MAIL FROM:<a@example.com>>")).isEqualTo("501 5.1.7 Syntax error in sender address");
        assertThat(client.command("MAIL FROM:<a@example.com>")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<<b@example.com>>"))
                .isEqualTo("501 5.1.3 Syntax error in recipient address");
        assertThat(client.command("RCPT TO:<b@example.com>>")).isEqualTo("501 5.1.3 Syntax error in recipient address");
        assertThat(client.command("RCPT TO:b@example.com")).isEqualTo("501 5.1.3 Syntax error in RCPT command");
        assertThat(client.command("RCPT TO:<>")).isEqualTo("501 5.1.3 Syntax error in recipient address");
    }

    @Test
    void malformedParametersGet501AndWellFormedUnknownOnes555_4_1_1_11() throws Exception {
        String mailSyntax = "501 5.5.4 Syntax error in MAIL parameters (RFC 5321 section 4.1.2:"
                + " esmtp-keyword[=esmtp-value], separated by one space, each at most once)";
        assertThat(client.command("MAIL FROM:<a@example.com> =100")).isEqualTo(mailSyntax);
        assertThat(client.command("MAIL FROM:<a@example.com> SIZE=")).isEqualTo(mailSyntax);
        assertThat(client.command("MAIL FROM:<a@example.com>  SIZE=100")).isEqualTo(mailSyntax);
        assertThat(client.command("MAIL FROM:<a@example.com> SIZE=1 SIZE=2")).isEqualTo(mailSyntax);
        assertThat(client.command("MAIL FROM:<a@example.com> X-FOO=bar"))
                .isEqualTo("555 5.5.4 Unsupported MAIL parameter X-FOO (its extension is not advertised)");
        assertThat(client.command("MAIL FROM:<a@example.com> SIZE=12x"))
                .isEqualTo("501 5.5.4 Syntactically incorrect value for SIZE parameter");
        assertThat(client.command("MAIL FROM:<a@example.com> SIZE=100")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY"))
                .startsWith("555 5.5.4 Unsupported RCPT parameter NOTIFY");
        assertThat(client.command("RCPT TO:<b@example.com> A=="))
                .startsWith("501 5.5.4 Syntax error in RCPT parameters");
    }

    @Test
    void acceptsSourceRoutesAndIgnoresTheRoute_4_1_1_3_and_C() throws Exception {
        assertThat(client.command("MAIL FROM:<@relay.example:a@example.com>"))
                .isEqualTo("250 2.1.0 Sender <a@example.com> OK");
        assertThat(client.command("RCPT TO:<@one.example,@two.example:b@example.com>"))
                .isEqualTo("250 2.1.5 Recipient <b@example.com> OK");
        assertThat(send()).isEqualTo("250 2.0.0 Ok: message accepted");
        Envelope env =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).envelope();
        assertThat(env.sender()).isEqualTo("a@example.com");
        assertThat(env.recipientAddresses()).containsExactly("b@example.com");
    }

    @Test
    void parsesQuotedLocalPartsAndAddressLiterals_4_1_2_and_4_1_3() throws Exception {
        assertThat(client.command("MAIL FROM:<\"john \\\"jr\\\" doe\"@example.com>"))
                .isEqualTo("250 2.1.0 Sender <\"john \\\"jr\\\" doe\"@example.com> OK");
        assertThat(client.command("RCPT TO:<b@[192.0.2.1]>")).isEqualTo("250 2.1.5 Recipient <b@[192.0.2.1]> OK");
        assertThat(client.command("RCPT TO:<c@[IPv6:2001:db8::ff00:42:8329]>")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<d@[IPv6:::ffff:192.0.2.1]>")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<e@[192.0.2.300]>"))
                .isEqualTo("501 5.1.3 Syntax error in recipient address");
        assertThat(client.command("RCPT TO:<Postmaster>"))
                .as("section 4.1.1.3")
                .isEqualTo("250 2.1.5 Recipient <Postmaster> OK");
        assertThat(send()).startsWith("250 ");
        Envelope env =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).envelope();
        assertThat(env.sender()).isEqualTo("\"john \\\"jr\\\" doe\"@example.com");
        assertThat(env.recipientAddresses())
                .containsExactly(
                        "b@[192.0.2.1]", "c@[IPv6:2001:db8::ff00:42:8329]", "d@[IPv6:::ffff:192.0.2.1]", "Postmaster");
    }

    @Test
    void overlongLocalPartDomainAndPathGet501_4_5_3_1() throws Exception {
        assertThat(client.command("MAIL FROM:<" + "l".repeat(65) + "@example.com>"))
                .isEqualTo("501 5.1.7 Path too long: local part of more than 64 octets (RFC 5321 section 4.5.3.1.1)");
        assertThat(client.command("MAIL FROM:<a@" + "d".repeat(256) + ">"))
                .isEqualTo("501 5.1.7 Path too long: domain of more than 255 octets (RFC 5321 section 4.5.3.1.2)");
        assertThat(client.command("MAIL FROM:<a@" + "d".repeat(253) + ">"))
                .isEqualTo("501 5.1.7 Path too long: more than 256 octets (RFC 5321 section 4.5.3.1.3)");
        assertThat(client.command("MAIL FROM:<a@" + "d".repeat(252) + ">")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<" + "l".repeat(65) + "@example.com>"))
                .isEqualTo("501 5.1.3 Path too long: local part of more than 64 octets (RFC 5321 section 4.5.3.1.1)");
    }

    @Test
    void aRefusedMailLeavesNoTransactionAndRcptNeedsMail() throws Exception {
        assertThat(client.command("MAIL FROM:<a@example.com> SIZE=1001"))
                .isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size");
        assertThat(client.command("RCPT TO:<b@example.com>")).isEqualTo("503 5.5.0 Need MAIL before RCPT");
        assertThat(client.command("MAIL FROM:a@example.com")).isEqualTo("501 5.1.7 Syntax error in MAIL command");
        assertThat(client.command("MAIL FROM: <a@example.com>"))
                .as("no space after the colon (section 4.1.2)")
                .isEqualTo("501 5.1.7 Syntax error in MAIL command");
        assertThat(client.command("RCPT TO:<b@example.com>")).isEqualTo("503 5.5.0 Need MAIL before RCPT");
    }

    @Test
    void acceptsTheFirst100RecipientsAndAnswers452Beyond_4_5_3_1_8_and_4_5_3_1_10() throws Exception {
        client.command("MAIL FROM:<a@example.com>");
        StringBuilder pipeline = new StringBuilder();
        for (int i = 1; i <= 101; i++) {
            pipeline.append("RCPT TO:<r").append(i).append("@example.com>\r\n");
        }
        client.sendRaw(pipeline.toString());
        for (int i = 1; i <= 100; i++) {
            assertThat(client.reply()).isEqualTo("250 2.1.5 Recipient <r" + i + "@example.com> OK");
        }
        assertThat(client.reply()).isEqualTo("452 4.5.3 Too many recipients (at most 100 per message)");
        assertThat(send()).startsWith("250 ");
        assertThat(smtp.mailbox()
                        .awaitMessages(1, Duration.ofSeconds(5))
                        .get(0)
                        .envelope()
                        .recipients())
                .hasSize(100);
    }

    @Test
    void theRecipientLimitIsConfigurable() throws Exception {
        try (MockSmtpServer two = MockSmtpServer.started(
                        SmtpServerOptions.builder().maxRecipients(2).build());
                RawClient c = RawClient.connect(two.host(), two.port())) {
            c.reply();
            c.command("EHLO client.test");
            c.command("MAIL FROM:<a@example.com>");
            assertThat(c.command("RCPT TO:<r1@example.com>")).startsWith("250 ");
            assertThat(c.command("RCPT TO:<r2@example.com>")).startsWith("250 ");
            assertThat(c.command("RCPT TO:<r3@example.com>"))
                    .isEqualTo("452 4.5.3 Too many recipients (at most 2 per message)");
            assertThat(c.command("RSET")).startsWith("250 ");
            c.command("MAIL FROM:<a@example.com>");
            assertThat(c.command("RCPT TO:<r3@example.com>"))
                    .as("a new transaction counts again")
                    .startsWith("250 ");
        }
    }

    private String send() throws Exception {
        client.command("DATA");
        return client.command("Subject: s\r\n\r\nbody\r\n.");
    }
}
