package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

    @Test
    void twentyThreadsSendingFiftyMessagesEachStoreExactlyOneThousand() throws Exception {
        int threads = 20;
        int perThread = 50;
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                        c.reply();
                        c.command("EHLO t" + thread);
                        for (int i = 0; i < perThread; i++) {
                            assertThat(c.command("MAIL FROM:<t" + thread + "@example.com>"))
                                    .startsWith("250");
                            assertThat(c.command("RCPT TO:<r@example.com>")).startsWith("250");
                            assertThat(c.command("DATA")).startsWith("354");
                            assertThat(c.command("Subject: " + thread + "-" + i + "\r\n\r\nbody " + i + "\r\n."))
                                    .startsWith("250");
                        }
                        c.command("QUIT");
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            List<ReceivedMessage> all = smtp.mailbox().awaitMessages(threads * perThread, Duration.ofSeconds(10));
            assertThat(all).hasSize(threads * perThread);
            Set<String> subjects = new HashSet<>();
            for (ReceivedMessage m : all) {
                subjects.add(m.subject());
                String thread = m.subject().split("-")[0];
                assertThat(m.envelope().sender()).isEqualTo("t" + thread + "@example.com");
                assertThat(m.envelope().heloName()).isEqualTo("t" + thread);
            }
            assertThat(subjects).hasSize(threads * perThread);
            assertThat(smtp.transcript().sessions()).hasSize(threads);
        }
    }
}
