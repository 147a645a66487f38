package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;

import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The happy path and retries, against the server of the application context. */
@SpringBootTest
@SmtpServer
class WelcomeMailServiceTest {

    @Autowired
    WelcomeMailService welcomeMail;

    @Autowired
    MockSmtpServer serverBean;

    @Test
    void sendsTheTemplatedWelcomeMail(MockSmtpServer smtp, @Value("${spring.mail.port}") int mailPort) {
        assertThat(welcomeMail.sendWelcome("ada")).isEqualTo(1);

        assertThat(mailPort).isEqualTo(smtp.port());
        assertThat(smtp.mailbox()).hasMessageCount(1);
        assertThat(smtp.mailbox().messages().get(0))
                .hasSubject("Welcome, Ada")
                .hasEnvelopeRecipients("ada@example.com")
                .hasTextBodyContaining("Hello Ada,")
                .hasTextBodyContaining("https://app.example/confirm/ada");
    }

    @Test
    void retriesWhenTheMailboxIsFullThenDelivers(MockSmtpServer smtp) {
        smtp.faults().on(RCPT).once().reply(452, "4.2.2 Mailbox full");

        assertThat(welcomeMail.sendWelcome("grace")).isEqualTo(2);

        assertThat(smtp.transcript())
                .hasSessionCount(2)
                .repliedTo(RCPT, 452)
                .times(1)
                .thenRepliedTo(RCPT, 250);
        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("grace@example.com");
    }

    @Test
    void givesUpAtOnceOnAPermanentRefusal(MockSmtpServer smtp) {
        smtp.faults().on(RCPT).always().reply(550, "5.1.1 No such user");

        assertThatThrownBy(() -> welcomeMail.sendWelcome("ada")).isInstanceOf(MailSendException.class);

        assertThat(smtp.transcript()).hasSessionCount(1).repliedTo(RCPT, 550).times(1);
        assertThat(smtp.mailbox()).isEmpty();
    }

    @Test
    void theServerIsABeanOfTheContext(MockSmtpServer smtp) {
        assertThat(serverBean).isSameAs(smtp);
    }
}
