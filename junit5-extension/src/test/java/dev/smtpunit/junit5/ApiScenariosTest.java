package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.FailingTranscriptAssertionFixture;
import dev.smtpunit.junit5.fixtures.ImplicitStaticFieldFixture;
import dev.smtpunit.junit5.fixtures.Send;
import dev.smtpunit.junit5.fixtures.SoftAssertionsParameterFixture;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Un-annotated server fields, per-test soft assertions, and evidence printed once. */
class ApiScenariosTest {

    private static Throwable throwable(Event e) {
        return e.getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
    }

    private static String everything(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getMessage());
        for (Throwable s : t.getSuppressed()) {
            sb.append('\n').append(s.getMessage());
        }
        return sb.toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void anUnannotatedStaticServerFieldInAnSmtpServerClassIsInjectedOncePerClass() {
        Fixtures.run(ImplicitStaticFieldFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Send.SERVERS).hasSize(2);
        assertThat(Send.SERVERS.stream().distinct().count()).isEqualTo(1);
        assertThat(Send.SERVERS.peek().isRunning()).as("closed after the class").isFalse();
        Fixtures.run(ImplicitStaticFieldFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void eachConcurrentTestGetsItsOwnSoftAssertionsAssertedAfterIt() {
        EngineExecutionResults results = Fixtures.runInParallel(SoftAssertionsParameterFixture.class);
        results.testEvents().assertStatistics(s -> s.started(30).failed(30));
        Pattern own = Pattern.compile("\"mail (\\d+) \\(expected\\)\"");
        for (Event e : results.testEvents().failed().list()) {
            Throwable t = throwable(e);
            String repetition = e.getTestDescriptor().getDisplayName().replaceAll("\\D*(\\d+).*", "$1");
            Matcher m = own.matcher(t.getMessage());
            assertThat(m.find())
                    .as("failure of %s names its subject", e.getTestDescriptor().getDisplayName())
                    .isTrue();
            assertThat(m.group(1)).as("the failure belongs to its own test").isEqualTo(repetition);
            assertThat(m.find()).as("and to no other test").isFalse();
            assertThat(t.getSuppressed())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getMessage()).startsWith("SMTP evidence of this test:"));
        }
    }

    @Test
    void aFailingTranscriptOrMailboxAssertionPrintsItsEvidenceOnce() {
        List<Event> failed = Fixtures.run(FailingTranscriptAssertionFixture.class)
                .testEvents()
                .failed()
                .list();
        assertThat(failed).hasSize(2);
        for (Event e : failed) {
            String all = everything(throwable(e));
            assertThat(count(all, "C: MAIL FROM:<app@example.com>"))
                    .as("the transcript once in\n%s", all)
                    .isEqualTo(1);
            assertThat(count(all, "1. Subject: \"Welcome, Ada\", envelope from=<app@example.com> to=[ada@example.com]"))
                    .as("the mailbox once in\n%s", all)
                    .isEqualTo(1);
            assertThat(all)
                    .containsAnyOf("Transcript: printed in the failure above", " message, listed in the failure above");
        }
    }
}
