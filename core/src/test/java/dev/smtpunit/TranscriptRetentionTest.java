package dev.smtpunit;

import dev.smtpunit.internal.Bounded;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code transcriptRetention}: beyond the limit the oldest closed sessions are dropped, and a long
 * session keeps its first and latest entries; both are counted and said in the printed transcript,
 * never silently.
 */
class TranscriptRetentionTest {
    private static final String NOTICE = " dropped, the oldest closed first, to keep within maxTranscriptSessions)\n";

    /** Connects, says QUIT and waits until the server has recorded the close. */
    private static void quitSession(MockSmtpServer smtp) throws Exception {
        try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("QUIT")).startsWith("221 ");
        }
        List<SessionTranscript> now = smtp.transcript().sessions();
        SessionTranscript newest = now.get(now.size() - 1);
        await().atMost(Duration.ofSeconds(5)).until(newest::isClosed);
    }

    private static List<Integer> ids(MockSmtpServer smtp) {
        return smtp.transcript().sessions().stream().map(SessionTranscript::id).toList();
    }

    @Test
    void keepsEverySessionAndEntryByDefault() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            assertThat(smtp.options().maxTranscriptSessions()).isZero();
            assertThat(smtp.options().maxTranscriptEntries()).isZero();
            for (int i = 0; i < 5; i++) {
                quitSession(smtp);
            }
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                c.reply();
                for (int i = 0; i < 300; i++) {
                    c.command("NOOP");
                }
                c.command("QUIT");
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().session(6).isClosed());
            assertThat(ids(smtp)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(smtp.transcript().droppedSessionCount()).isZero();
            assertThat(smtp.transcript().session(6).exchanges()).hasSize(302);
            assertThat(smtp.transcript().session(6).droppedEntryCount()).isZero();
            assertThat(smtp.transcript().toString()).startsWith("--- session 1 from 127.0.0.1:");
        }
    }

    @Test
    void dropsTheOldestClosedSessionsFirstAndSaysHowMany() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().transcriptRetention(3, 0).build())) {
            try (RawClient held = RawClient.connect(smtp.host(), smtp.port())) {
                held.reply();
                for (int i = 0; i < 5; i++) {
                    quitSession(smtp);
                }
                assertThat(ids(smtp))
                        .as("the open session 1 stays; closed 2, 3 and 4 went")
                        .containsExactly(1, 5, 6);
                assertThat(smtp.transcript().droppedSessionCount()).isEqualTo(3);
                assertThat(smtp.transcript().toString())
                        .startsWith("(3 sessions" + NOTICE + "--- session 1 from 127.0.0.1:");
                assertThatThrownBy(() -> smtp.transcript().session(2))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(
                                "no session 2 in this transcript; sessions: [1, 5, 6] (3 sessions dropped, the oldest"
                                        + " closed first, to keep within maxTranscriptSessions)");
                assertThat(held.command("QUIT")).startsWith("221 ");
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().session(1).isClosed());
            quitSession(smtp);
            assertThat(ids(smtp))
                    .as("session 1, closed now, is the oldest closed one")
                    .containsExactly(5, 6, 7);
            assertThat(smtp.transcript().droppedSessionCount()).isEqualTo(4);
            assertThat(Bounded.transcript(
                            smtp.transcript().sessions(), smtp.transcript().droppedSessionCount()))
                    .startsWith("(4 sessions" + NOTICE + "--- session 5 from ");

            smtp.transcript().clear();
            assertThat(smtp.transcript().droppedSessionCount()).isZero();
            assertThat(smtp.transcript().toString()).isEqualTo("(no SMTP session)\n");
        }
    }

    @Test
    void dropsTheOldestOpenSessionWhenNoneHasClosed() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().transcriptRetention(2, 0).build())) {
            List<RawClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawClient c = RawClient.connect(smtp.host(), smtp.port());
                    open.add(c);
                    assertThat(c.reply()).startsWith("220 ");
                }
                assertThat(ids(smtp)).containsExactly(2, 3);
                assertThat(smtp.transcript().droppedSessionCount()).isEqualTo(1);
                assertThat(open.get(0).command("NOOP"))
                        .as("a dropped session's connection goes on")
                        .startsWith("250 ");
            } finally {
                for (RawClient c : open) {
                    c.close();
                }
            }
        }
    }

    @Test
    void aLongSessionKeepsItsFirstAndLatestEntriesAndCountsTheRest() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().transcriptRetention(0, 6).build())) {
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                c.reply();
                for (int i = 1; i <= 10; i++) {
                    c.command("NOOP " + i);
                }
                assertThat(c.command("QUIT")).startsWith("221 ");
            }
            SessionTranscript s = smtp.transcript().session(1);
            await().atMost(Duration.ofSeconds(5)).until(s::isClosed);
            // connected, greeting, NOOP 1..10, QUIT, closed: 14 entries, 6 kept
            assertThat(s.droppedEntryCount()).isEqualTo(8);
            List<TranscriptEntry> entries = s.entries();
            assertThat(entries).hasSize(7);
            assertThat(entries.get(0)).isInstanceOf(TranscriptEntry.Event.class);
            assertThat(((TranscriptEntry.Exchange) entries.get(1)).phase()).isEqualTo(SmtpPhase.CONNECT);
            assertThat(((TranscriptEntry.Exchange) entries.get(2)).clientLine()).isEqualTo("NOOP 1");
            assertThat(entries.get(3))
                    .isEqualTo(
                            new TranscriptEntry.Event(
                                    entries.get(3).timestampMillis(),
                                    TranscriptEntry.Kind.ENTRIES_DROPPED,
                                    "... (8 entries left out to keep within maxTranscriptEntries 6: the first 3 and the latest 3 are kept) ..."));
            assertThat(((TranscriptEntry.Exchange) entries.get(4)).clientLine()).isEqualTo("NOOP 10");
            assertThat(((TranscriptEntry.Exchange) entries.get(5)).clientLine()).isEqualTo("QUIT");
            assertThat(((TranscriptEntry.Event) entries.get(6)).kind())
                    .isIn(TranscriptEntry.Kind.CLOSED_BY_CLIENT, TranscriptEntry.Kind.CLOSED_BY_SERVER);
            assertThat(s.toString())
                    .contains(
                            "C: NOOP 1\nS: 250 ",
                            "\n*  ... (8 entries left out to keep within"
                                    + " maxTranscriptEntries 6: the first 3 and the latest 3 are kept) ...\nC: NOOP 10\n");
            assertThat(s.exchanges())
                    .extracting(TranscriptEntry.Exchange::clientLine)
                    .containsExactly(null, "NOOP 1", "NOOP 10", "QUIT");
        }
    }

    @Test
    void theLimitsAreCheckedAndShown() {
        assertThatThrownBy(() -> SmtpServerOptions.builder().transcriptRetention(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSessions must be 0 (no limit) or positive, was -1");
        assertThatThrownBy(() -> SmtpServerOptions.builder().transcriptRetention(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "maxEntriesPerSession must be 0 (no limit) or at least 2 (a first and a latest entry), was 1");
        SmtpServerOptions o =
                SmtpServerOptions.builder().transcriptRetention(1000, 200).build();
        assertThat(o.maxTranscriptSessions()).isEqualTo(1000);
        assertThat(o.maxTranscriptEntries()).isEqualTo(200);
        assertThat(o.toString()).contains(", maxTranscriptSessions=1000, maxTranscriptEntries=200");
        assertThat(o.toBuilder().build().maxTranscriptEntries()).isEqualTo(200);
    }
}
