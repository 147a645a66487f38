package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A transcript that dropped sessions to keep within its limit says so in every failure that prints it. */
class DroppedSessionsAssertTest {

    @Test
    void theFailureSaysHowManySessionsWereDropped() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().transcriptRetention(1, 0).build())) {
            for (int i = 0; i < 3; i++) {
                try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
                    client.reply();
                    client.command("QUIT");
                }
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> smtp.transcript().sessions().stream().allMatch(SessionTranscript::isClosed));
            }
            String shown = smtp.transcript().toString().stripTrailing();
            assertThatThrownBy(() -> assertThat(smtp.transcript()).hasSessionCount(3))
                    .hasMessage(String.format(
                                    "%nExpecting transcript to have 3 sessions but it has 1%nbut it was:%n"
                                            + "(2 sessions dropped, the oldest closed first, to keep within maxTranscriptSessions)%n")
                            + shown.substring(shown.indexOf("--- session 3 from "))
                                    .replace("\n", String.format("%n")));
        }
    }
}
