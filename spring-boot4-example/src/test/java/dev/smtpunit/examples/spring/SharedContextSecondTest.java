package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/**
 * Shares its application context, and so its server, with the other {@link MailIntegrationTest}
 * classes, and still sees only its own mail: the server is reset before each test.
 */
@MailIntegrationTest
class SharedContextSecondTest {

    @Autowired
    WelcomeMailService welcomeMail;

    @Test
    void seesOnlyItsOwnMail(MockSmtpServer smtp, @Autowired ApplicationContext context) {
        SharedContext.record(getClass(), context, smtp);

        welcomeMail.sendWelcome("grace");

        assertThat(smtp.mailbox())
                .hasMessageCount(1)
                .hasMessageTo("grace@example.com")
                .hasSubject("Welcome, Grace");
        assertThat(smtp.transcript()).hasSessionCount(1);
    }
}
