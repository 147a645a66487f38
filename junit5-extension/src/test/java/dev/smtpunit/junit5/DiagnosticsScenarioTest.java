package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.FailingFixture;
import dev.smtpunit.junit5.fixtures.LargeFailureFixture;
import dev.smtpunit.junit5.fixtures.Send;
import dev.smtpunit.junit5.fixtures.UnusedFaultFixture;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsScenarioTest {

    private static Throwable failure(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        return failed.get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
    }

    @Test
    void attachesTranscriptAndMailboxToAFailureAndFreesThePort() {
        EngineExecutionResults results = Fixtures.run(FailingFixture.class);
        Throwable t = failure(results);
        assertThat(t.getSuppressed()).hasSize(1);
        String evidence = t.getSuppressed()[0].getMessage();
        assertThat(evidence)
                .startsWith("SMTP evidence of this test:\n=== SMTP server (127.0.0.1:")
                .contains(
                        "Mailbox: 1 message arrived:\n  1. Subject: \"Welcome, Ada\", envelope from=<app@example.com> to=[ada@example.com], ")
                .contains("C: MAIL FROM:<app@example.com>\nS: 250 2.1.0 Sender <app@example.com> OK\n")
                .contains("C: <message: ");
        List<ReportEntry> entries = results.allEvents().reportingEntryPublished().list().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
                .toList();
        assertThat(entries)
                .singleElement()
                .satisfies(e -> assertThat(e.getKeyValuePairs()).containsKey("smtpunit.evidence"));
        int port = Send.PORTS.peek();
        assertThat(Fixtures.isFree(port))
                .as("the port is free after a failing test")
                .isTrue();
    }

    @Test
    void aLargeFailureAndItsEvidenceAreBoundedAndKeepTheMailboxAndTheStartOfEachSession() {
        Throwable t = failure(Fixtures.run(LargeFailureFixture.class));
        assertThat(t.getMessage().lines()).hasSizeLessThan(30);
        assertThat(t.getMessage())
                .contains(
                        "0015: order line of the nightly report",
                        "... (2,980 lines, ",
                        "3000: order line of the nightly report")
                .doesNotContain("0016: order line");
        String evidence = t.getSuppressed()[0].getMessage();
        assertThat(evidence.length()).isLessThan(Diagnostics.MAX_CHARS + 200);
        assertThat(evidence)
                .startsWith("SMTP evidence of this test:\n=== SMTP server (127.0.0.1:")
                .contains(
                        "Mailbox: 41 messages arrived:\n  1. Subject: \"Nightly report\", envelope from=<report@shop.example>"
                                + " to=[ada@example.com], ")
                .contains("\n  20. Subject: \"Welcome 19\", envelope from=<app@example.com> to=[ada@example.com], ")
                .contains("\n  ... (16 messages left out) ...\n  37. Subject: \"Welcome 36\"")
                .contains("Transcript:\n--- session 1 from 127.0.0.1:")
                .contains("\n... (31 sessions left out) ...\n--- session 39 from ")
                .contains("--- session 41 from ");
        assertThat(evidence.lines().filter(l -> l.startsWith("--- session ")))
                .hasSize(10)
                .allSatisfy(l -> assertThat(evidence).contains(l + "\n*  connected from "));
    }

    @Test
    void failsWhenAScriptedFaultNeverFired() {
        Throwable t = failure(Fixtures.run(UnusedFaultFixture.class));
        assertThat(t)
                .isInstanceOf(AssertionError.class)
                .hasMessage("Fault rules never fired (@SmtpServer(failOnUnusedFaults = true)) on the SMTP server:\n"
                        + "  on(END_OF_DATA).reply(554, \"5.6.0 never reached\"), fired 0 times, 1 left\n"
                        + "The client never reached the scripted phase; see the transcript below.");
        assertThat(t.getSuppressed()[0].getMessage()).contains("(no SMTP session)");
    }
}
