package dev.smtpunit;

import dev.smtpunit.fault.FaultMatcher;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery Status Notification parameters (RFC 3461), with exact replies over a raw socket. */
class DsnTest {
    private MockSmtpServer smtp;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        smtp = MockSmtpServer.started(SmtpServerOptions.builder().dsn(true).build());
        client = RawClient.connect(smtp.host(), smtp.port());
        client.reply();
        assertThat(client.command("EHLO client.test"))
                .isEqualTo("250-localhost Hello client.test [127.0.0.1]\n"
                        + "250-PIPELINING\n250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250 DSN");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        smtp.close();
    }

    @Test
    void recordsRetEnvidNotifyAndOrcptWithTypedAccessors_3461_4() throws Exception {
        assertThat(client.command("MAIL FROM:<a@example.com> RET=HDRS ENVID=QQ314159+2Bx"))
                .startsWith("250 ");
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=SUCCESS,delay ORCPT=rfc822;b+40example.com"))
                .startsWith("250 ");
        assertThat(client.command("RCPT TO:<c@example.com> NOTIFY=NEVER")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<d@example.com>")).startsWith("250 ");
        client.command("DATA");
        assertThat(client.command("Subject: dsn\r\n\r\n.")).startsWith("250 ");

        Envelope env =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).envelope();
        assertThat(env.dsnReturn()).hasValue(DsnReturn.HDRS);
        assertThat(env.dsnEnvelopeId()).hasValue("QQ314159+x");
        assertThat(env.isSmtpUtf8()).isFalse();
        assertThat(env.recipients().get(0).dsnNotify()).containsExactlyInAnyOrder(DsnNotify.SUCCESS, DsnNotify.DELAY);
        assertThat(env.recipients().get(0).dsnOriginalRecipient()).hasValue("rfc822;b@example.com");
        assertThat(env.recipients().get(1).dsnNotify()).containsExactly(DsnNotify.NEVER);
        assertThat(env.recipients().get(2).dsnNotify()).isEmpty();
        assertThat(env.recipients().get(2).dsnOriginalRecipient()).isEmpty();
    }

    @Test
    void refusesMalformedMailParametersWith501_3461_4_3_and_4_4() throws Exception {
        assertThat(client.command("MAIL FROM:<a@example.com> RET=ALL"))
                .isEqualTo("501 5.5.4 RET must be FULL or HDRS (RFC 3461 section 4.3)");
        String envid = "501 5.5.4 ENVID must be xtext of at most 100 characters (RFC 3461 section 4.4)";
        assertThat(client.command("MAIL FROM:<a@example.com> ENVID=" + "x".repeat(101)))
                .isEqualTo(envid);
        assertThat(client.command("MAIL FROM:<a@example.com> ENVID=a+2b"))
                .as("hexchar is upper case")
                .isEqualTo(envid);
        assertThat(client.command("MAIL FROM:<a@example.com> ENVID=a+")).isEqualTo(envid);
        assertThat(client.command("MAIL FROM:<a@example.com> RET=FULL RET=HDRS"))
                .startsWith("501 5.5.4 Syntax error in MAIL parameters");
        assertThat(client.command("MAIL FROM:<a@example.com> RET=full ENVID=" + "x".repeat(100)))
                .startsWith("250 ");
    }

    @Test
    void refusesMalformedRcptParametersWith501_3461_4_1_and_4_2() throws Exception {
        client.command("MAIL FROM:<a@example.com>");
        String notify = "501 5.5.4 NOTIFY must be NEVER or a list of SUCCESS, FAILURE and DELAY (RFC 3461 section 4.1)";
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=NEVER,SUCCESS"))
                .as("NEVER comes alone")
                .isEqualTo(notify);
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=SUCCESS,SUCCESS"))
                .isEqualTo(notify);
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=SOMETIMES")).isEqualTo(notify);
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=SUCCESS,")).isEqualTo(notify);
        String orcpt = "501 5.5.4 ORCPT must be addr-type \";\" xtext of at most 500 characters (RFC 3461 section 4.2)";
        assertThat(client.command("RCPT TO:<b@example.com> ORCPT=b@example.com"))
                .isEqualTo(orcpt);
        assertThat(client.command("RCPT TO:<b@example.com> ORCPT=;b@example.com"))
                .isEqualTo(orcpt);
        assertThat(client.command("RCPT TO:<b@example.com> ORCPT=rfc822;b+4")).isEqualTo(orcpt);
        assertThat(client.command("RCPT TO:<b@example.com> ORCPT=rfc822;" + "b".repeat(500)))
                .isEqualTo(orcpt);
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=FAILURE ORCPT=rfc822;b@example.com"))
                .startsWith("250 ");
    }

    @Test
    void faultsCanMatchTheDsnRequests() throws Exception {
        smtp.faults()
                .on(SmtpPhase.RCPT)
                .matching(FaultMatcher.dsnNotify(DsnNotify.SUCCESS))
                .always()
                .reply(550, "5.7.1 No receipts here");
        smtp.faults()
                .on(SmtpPhase.MAIL)
                .matching(FaultMatcher.dsnReturn(DsnReturn.FULL))
                .once()
                .reply(452, "4.3.1 Too big to return");
        assertThat(client.command("MAIL FROM:<a@example.com> RET=FULL")).isEqualTo("452 4.3.1 Too big to return");
        assertThat(client.command("MAIL FROM:<a@example.com> RET=FULL")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=FAILURE,SUCCESS"))
                .isEqualTo("550 5.7.1 No receipts here");
        assertThat(client.command("RCPT TO:<b@example.com> NOTIFY=FAILURE")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<c@example.com>")).startsWith("250 ");
        assertThat(new Recipient("x@example.com", java.util.Map.of()).dsnOriginalRecipient())
                .isEqualTo(Optional.empty());
    }
}
