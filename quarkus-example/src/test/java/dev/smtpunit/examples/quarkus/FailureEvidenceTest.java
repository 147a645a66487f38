package dev.smtpunit.examples.quarkus;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.quarkus.QuarkusSmtpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import static dev.smtpunit.SmtpPhase.AUTH;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing Quarkus test carries the same SMTP evidence as a plain JUnit test: the test below fails on
 * purpose, and {@link ExpectEvidence} checks the evidence and only then lets the test pass. JUnit calls
 * exception handlers in the reverse order of registration, so it is declared before
 * {@code @QuarkusSmtpServer}: it sees the failure once the evidence is attached.
 */
@ExtendWith(FailureEvidenceTest.ExpectEvidence.class)
@QuarkusTest
@QuarkusSmtpServer
class FailureEvidenceTest {

    @Inject
    WelcomeMailer welcomeMailer;

    @Test
    void aFailingAssertionGetsTheTranscriptMailboxAndFaults(MockSmtpServer smtp) {
        smtp.faults().on(AUTH).once().reply(535, "5.7.8 never reached");
        welcomeMailer.sendWelcome("ada@example.com", "Ada");

        assertThat(smtp.mailbox()).hasMessageTo("grace@example.com");
    }

    /** Checks the evidence on the test's failure, and swallows the failure only when it is all there. */
    static final class ExpectEvidence implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) {
            assertThat(failure).isInstanceOf(AssertionError.class);
            assertThat(failure.getSuppressed()).hasSize(1);
            String evidence = failure.getSuppressed()[0].getMessage();
            assertThat(evidence)
                    .startsWith("SMTP evidence of this test:\n=== ")
                    .contains("Mailbox: 1 message")
                    .contains("Fault rules:")
                    .contains("5.7.8 never reached")
                    .contains("Transcript");
            assertThat(failure.getMessage() + evidence).contains("RCPT TO:<ada@example.com>");
        }
    }
}
