package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.LintFixture;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/** @SmtpServer(lint = true) fails a test that sent malformed mail, after it ran, listing the lint errors. */
class LintScenarioTest {

    @Test
    void failsOnlyTheTestThatSentMalformedMail() {
        EngineExecutionResults results = Fixtures.run(LintFixture.class);
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        Throwable failure = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).startsWith("Malformed mail was sent (@SmtpServer(lint = true)):\nmessage 1 ")
                .contains("  ERROR header.date.missing [RFC 5322 section 3.6] the Date field is missing; every message must"
                        + " have one (header Date)\n")
                .contains("  ERROR header.from.missing [RFC 5322 section 3.6]")
                .contains("  ERROR header.message-id.missing [RFC 5322 section 3.6.4")
                .endsWith("Fix the sender, or turn lint off for this server.");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0].getMessage()).contains("Transcript:")
                .contains("lint: 3 error(s), 1 warning(s); first: ERROR header.date.missing");
    }
}
