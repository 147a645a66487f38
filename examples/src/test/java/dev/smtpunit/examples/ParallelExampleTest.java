package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/**
 * Example 7: tests running concurrently (parallel execution is switched on in
 * {@code junit-platform.properties}); each has its own server on its own port, so none sees another's
 * mail.
 */
@SmtpServer
@Execution(ExecutionMode.CONCURRENT)
class ParallelExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo", "kim", "lu"})
    void eachUserGetsExactlyTheirWelcomeMail(String user, MockSmtpServer smtp) throws Exception {
        new WelcomeMailer(smtp.properties(), 2, java.time.Duration.ofMillis(10))
                .sendWelcome(user + "@example.com", user);

        assertThat(smtp.mailbox())
                .hasMessageCount(1)
                .hasMessageTo(user + "@example.com")
                .hasSubject("Welcome, " + user);
    }
}
