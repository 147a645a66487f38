package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The evidence of a failing test says how many sessions the transcript dropped to keep within its limit. */
class DroppedSessionsEvidenceTest {

    @Test
    void theEvidenceOpensTheTranscriptWithTheDroppedCount() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().transcriptRetention(1, 0).build())) {
            for (int i = 0; i < 2; i++) {
                try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
                    client.reply();
                }
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> smtp.transcript().sessions().stream().allMatch(SessionTranscript::isClosed));
            }
            String evidence = Diagnostics.report(List.of(new ServerRegistry.Entry("", smtp, null, "test", false)), "");
            assertThat(evidence)
                    .contains("Transcript:\n(1 session dropped, the oldest closed first, to keep within"
                            + " maxTranscriptSessions)\n--- session 2 from 127.0.0.1:");
        }
    }
}
