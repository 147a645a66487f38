package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope of a stored message is the transaction the session sequence allowed, whatever was refused on the way. */
class TransactionRecordTest {

    private static RawClient connect(MockSmtpServer smtp) throws Exception {
        RawClient c = RawClient.connect(smtp.host(), smtp.port());
        c.reply();
        return c;
    }

    /** RFC 5321 section 4.1.4: EHLO, even one refused for its syntax, ends the transaction in progress. */
    @Test
    void aRefusedEhloEndsTheTransactionSoItsRecipientsAreNotCarriedOver() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.defaults());
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<first@example.com>");
            assertThat(c.command("EHLO")).startsWith("501 ");
            assertThat(c.command("RCPT TO:<late@example.com>"))
                    .as("no transaction after EHLO")
                    .startsWith("503 ");
            c.command("MAIL FROM:<c@example.com>");
            c.command("RCPT TO:<second@example.com>");
            c.command("DATA");
            assertThat(c.command("Subject: s\r\n\r\nbody\r\n.")).startsWith("250 ");
            ReceivedMessage m =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(m.envelope().sender()).isEqualTo("c@example.com");
            assertThat(m.envelope().recipientAddresses()).containsExactly("second@example.com");
        }
    }

    /** RSET with an argument is refused (RFC 5321 section 4.1.1.5 takes none) and leaves the transaction as it was. */
    @Test
    void aRefusedRsetKeepsTheTransaction() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.defaults());
                RawClient c = connect(smtp)) {
            c.command("EHLO client.test");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            assertThat(c.command("RSET now")).isEqualTo("500 5.5.4 Unexpected argument provided with RSET command");
            assertThat(c.command("DATA")).startsWith("354 ");
            assertThat(c.command("Subject: s\r\n\r\nbody\r\n.")).startsWith("250 ");
            ReceivedMessage m =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(m.envelope().sender()).isEqualTo("a@example.com");
            assertThat(m.envelope().recipientAddresses()).containsExactly("b@example.com");
        }
    }
}
