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
        Throwable failure = results.testEvents()
                .failed()
                .list()
                .get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure)
                .hasMessage("Malformed mail was sent (@SmtpServer(lint = true)):\n"
                        + "message 1 (Subject: \"no date, no from\", envelope from=<app@example.com> to=[ada@example.com], 35 bytes):\n"
                        + "  ERROR header.date.missing [RFC 5322 section 3.6] the Date field is missing; every message must"
                        + " have one (header Date)\n"
                        + "  ERROR header.from.missing [RFC 5322 section 3.6] the From field is missing; every message must have one"
                        + " (header From)\n"
                        + "  ERROR header.message-id.missing [RFC 5322 section 3.6.4; required by Gmail"
                        + " (https://support.google.com/a/answer/3726730)] the Message-ID field is missing; large receivers refuse such"
                        + " mail (header Message-ID)\n"
                        + "Fix the sender, or turn lint off for this server.");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0].getMessage())
                .contains("Transcript:")
                .contains("lint: 3 error(s), 1 warning(s); first: ERROR header.date.missing");
    }
}
