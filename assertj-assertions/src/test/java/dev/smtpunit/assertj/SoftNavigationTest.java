package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpPhase;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static dev.smtpunit.assertj.SmtpAssertions.catchThrowableOfType;

/** Chains stay soft after navigation, and a failed navigation records its own failure, not an NPE. */
class SoftNavigationTest {
    private MockSmtpServer smtp;
    private final SmtpSoftAssertions softly = new SmtpSoftAssertions();

    @BeforeEach
    void start() throws Exception {
        smtp = new MockSmtpServer().start();
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome, Ada", "Hello Ada");
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private List<String> failures() {
        AssertJMultipleFailuresError e = catchThrowableOfType(AssertJMultipleFailuresError.class, softly::assertAll);
        assertThat(e).as("soft assertions should have failed").isNotNull();
        return e.getFailures().stream().map(Throwable::getMessage).toList();
    }

    @Test
    void everyFailureAfterAMailboxNavigationIsCollected() {
        softly.assertThat(smtp)
                .eventually(Duration.ofMillis(200))
                .hasMessageTo("ada@example.com")
                .hasSubject("Goodbye")
                .hasTextBodyContaining("Farewell")
                .isFrom("app@example.com");
        softly.assertThat(smtp.mailbox()).hasMessageWithSubject("Welcome, Ada").hasEnvelopeSender("nobody@example.com");
        List<String> failures = failures();
        assertThat(failures).hasSize(3);
        assertThat(failures.get(0))
                .startsWith(String.format("%nAfter waiting 200 ms:"))
                .contains("to have subject:", "\"Goodbye\"");
        assertThat(failures.get(1))
                .startsWith(String.format("%nAfter waiting 200 ms:"))
                .contains("to have text body containing:", "\"Farewell\"");
        assertThat(failures.get(2)).contains("to have envelope sender (MAIL FROM):", "\"nobody@example.com\"");
    }

    @Test
    void aFailedNavigationRecordsTheRealFailureAndSkipsWhatFollows() {
        softly.assertThat(smtp).hasMessageTo("bob@example.com").hasSubject("x").hasTextBodyContaining("y");
        softly.assertThat(smtp.mailbox()).hasMessageFrom("nobody@example.com").wasDeliveredOverTls();
        softly.assertThat(smtp).hasMessageCount(1);
        List<String> failures = failures();
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0))
                .contains(
                        "Expecting mailbox to contain a message to <bob@example.com>",
                        "The nearest is message 1: its recipients are [ada@example.com].");
        assertThat(failures.get(1)).contains("Expecting mailbox to contain a message from <nobody@example.com>");
    }

    @Test
    void listAndTranscriptNavigationStaysSoft() {
        softly.assertThat(smtp.mailbox())
                .messages()
                .hasSize(2)
                .first()
                .hasSubject("Goodbye")
                .isFrom("nobody@example.com");
        softly.assertThat(smtp.transcript())
                .repliedTo(SmtpPhase.RCPT, 452)
                .times(2)
                .thenRepliedTo(SmtpPhase.DATA, 250);
        softly.assertThat(smtp).transcript().session(1).containsCommandsInOrder(SmtpPhase.STARTTLS);
        softly.assertThat(smtp).mailbox().hasMessageCount(5);
        List<String> failures = failures();
        assertThat(failures).hasSize(8);
        assertThat(failures.get(0)).contains("Expected size: 2 but was: 1");
        assertThat(failures.get(1)).contains("to have subject:");
        assertThat(failures.get(2)).contains("to have From:");
        assertThat(failures.get(3)).contains("Expecting transcript to show a 452 reply to RCPT");
        assertThat(failures.get(4)).contains("Expecting transcript to show 2 replies 452 to RCPT but found 0");
        assertThat(failures.get(5)).contains("Expecting transcript to show DATA answered with 250 after 452 to RCPT");
        assertThat(failures.get(6)).contains("contain the commands [STARTTLS]");
        assertThat(failures.get(7)).contains("Expecting mailbox to hold 5 messages");
    }

    @Test
    void eachFailurePointsAtTheTestLineAndItsHeaderStandsOnALineOfItsOwn() {
        softly.assertThat(smtp)
                .eventually(Duration.ofMillis(100))
                .hasMessageTo("ada@example.com")
                .hasSubject("Goodbye");
        softly.assertThat(smtp.transcript()).repliedTo(SmtpPhase.RCPT, 452).times(2);
        AssertJMultipleFailuresError e = catchThrowableOfType(AssertJMultipleFailuresError.class, softly::assertAll);
        assertThat(e.getFailures()).hasSize(3).allSatisfy(f -> {
            assertThat(f.getStackTrace()[0].getClassName()).isEqualTo(SoftNavigationTest.class.getName());
            assertThat(f.getStackTrace())
                    .noneMatch(frame -> frame.getClassName().startsWith("dev.smtpunit.assertj.internal.")
                            || frame.getClassName().equals(ReplySequence.class.getName()));
            assertThat(f.getMessage()).contains("at SoftNavigationTest.eachFailurePointsAtTheTestLine");
        });
        assertThat(e.getMessage())
                .contains(
                        String.format("-- failure 1 --%nAfter waiting 100 ms:%nExpecting message:"),
                        String.format(
                                "-- failure 3 --%nExpecting transcript to show 2 replies 452 to RCPT but found 0"));
    }

    @Test
    void standardAssertionsAreSoftToo() {
        softly.assertThat(List.of(1, 2)).containsExactly(2, 1);
        softly.assertThat("text").isEmpty();
        assertThat(failures()).hasSize(2);
    }
}
