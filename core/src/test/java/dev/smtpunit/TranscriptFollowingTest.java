package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A consumer hears of each session once it has ended, with its whole transcript. */
class TranscriptFollowingTest {

    @Test
    void aListenerGetsEachSessionOnceWhenItsConnectionHasClosed() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            BlockingQueue<String> ended = new LinkedBlockingQueue<>();
            Mailbox.Subscription s =
                    smtp.transcript().onSessionEnd(session -> ended.add(session.id() + "\n" + session));

            Mail.send(smtp.properties(), "one");

            String first = ended.poll(5, TimeUnit.SECONDS);
            assertThat(first)
                    .startsWith("1\n--- session 1 from 127.0.0.1:")
                    .contains("C: QUIT\nS: 221 ")
                    .endsWith("*  connection closed by server\n");
            assertThat(smtp.transcript().session(1).isClosed()).isTrue();

            s.close();
            Mail.send(smtp.properties(), "two");
            assertThat(smtp.mailbox().size()).isEqualTo(2);
            assertThat(ended).isEmpty();
        }
    }

    @Test
    void aSessionStillOpenWhenTheServerStopsEndsThen() throws Exception {
        BlockingQueue<SessionTranscript> ended = new LinkedBlockingQueue<>();
        MockSmtpServer smtp = new MockSmtpServer().start();
        smtp.transcript().onSessionEnd(ended::add);
        try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            client.reply();
            client.command("EHLO open.test");
            assertThat(ended).isEmpty();

            smtp.stop();

            SessionTranscript session = ended.poll(5, TimeUnit.SECONDS);
            assertThat(session).isNotNull();
            assertThat(session.isClosed()).isTrue();
            assertThat(session.toString()).contains("C: EHLO open.test");
            assertThat(ended).isEmpty();
        }
    }
}
