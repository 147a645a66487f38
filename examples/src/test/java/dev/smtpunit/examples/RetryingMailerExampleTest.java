package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpFault;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.smtpunit.SmtpPhase.CONNECT;
import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Example 2: an application mailer that retries 4xx, against scripted faults. */
@SmtpServer
class RetryingMailerExampleTest {

    private static WelcomeMailer mailer(MockSmtpServer smtp) {
        return new WelcomeMailer(smtp.properties(), 4, Duration.ofMillis(10));
    }

    @Test
    void retriesWhenTheMailboxIsFullTwiceThenDeliversOnce(MockSmtpServer smtp) throws Exception {
        smtp.faults().on(RCPT).times(2).reply(452, "4.2.2 Mailbox full");

        assertThat(mailer(smtp).sendWelcome("ada@example.com", "Ada")).isEqualTo(WelcomeMailer.Outcome.SENT);

        assertThat(smtp.mailbox())
                .hasMessageCount(1)
                .hasMessageTo("ada@example.com")
                .hasSubject("Welcome, Ada");
        assertThat(smtp.transcript())
                .hasSessionCount(3)
                .repliedTo(RCPT, 452)
                .times(2)
                .thenRepliedTo(RCPT, 250);
    }

    @Test
    @SmtpFault(on = CONNECT, reply = 421, text = "4.3.2 Try again later", thenClose = true)
    void retriesWhenTheServerIsUnavailableAtConnect(MockSmtpServer smtp) throws Exception {
        assertThat(mailer(smtp).sendWelcome("ada@example.com", "Ada")).isEqualTo(WelcomeMailer.Outcome.SENT);

        assertThat(smtp.mailbox()).hasMessageCount(1);
        assertThat(smtp.transcript())
                .hasSessionCount(2)
                .repliedTo(CONNECT, 421)
                .times(1)
                .thenRepliedTo(CONNECT, 220);
    }

    @Test
    @SmtpFault(on = RCPT, reply = 550, text = "5.1.1 No such user", times = 0)
    void givesUpAtOnceOnAPermanentRefusal(MockSmtpServer smtp) throws Exception {
        assertThat(mailer(smtp).sendWelcome("nobody@example.com", "Nobody")).isEqualTo(WelcomeMailer.Outcome.REJECTED);

        assertThat(smtp.mailbox()).isEmpty();
        assertThat(smtp.transcript()).hasSessionCount(1);
    }
}
