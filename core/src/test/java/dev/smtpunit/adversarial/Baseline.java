package dev.smtpunit.adversarial;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live threads and open file descriptors of this JVM before an adversarial test class, and the
 * check that they come back to that after it: a hostile client must not leave a thread or a socket
 * behind. A warm-up exchange (Jakarta Mail over STARTTLS and SMTPS) runs first, so that jars and
 * JDK resources opened once per JVM are counted in the baseline.
 */
final class Baseline {
    private final int threads;
    private final long fds;

    private Baseline(int threads, long fds) {
        this.threads = threads;
        this.fds = fds;
    }

    /** {@return the counts now, after a warm-up} */
    static Baseline capture() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .startTls(SmtpServerOptions.StartTlsMode.OFFERED)
                .implicitTls(0)
                .build())) {
            send(smtp.clientTrust().startTlsProperties(smtp));
            send(smtp.clientTrust().smtpsProperties(smtp));
            smtp.mailbox().awaitMessages(2, Duration.ofSeconds(10));
        }
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .until(() -> serverThreads().isEmpty());
        return new Baseline(liveThreads(), openFds());
    }

    private static void send(java.util.Properties props) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress("warm@example.com"));
        m.setRecipients(Message.RecipientType.TO, "up@example.com");
        m.setSubject("warm-up");
        m.setText("warm-up");
        Transport.send(m);
    }

    /** Waits (at most 10 s) until no server thread is left and the counts are back at the baseline. */
    void assertRestored() {
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(serverThreads()).as("server threads left").isEmpty();
            assertThat(liveThreads())
                    .as("live threads: %s", Thread.getAllStackTraces().keySet())
                    .isLessThanOrEqualTo(threads);
            assertThat(openFds()).as("open file descriptors").isLessThanOrEqualTo(fds);
        });
        System.out.printf(
                "baseline: %d threads and %d fds before, %d and %d after%n", threads, fds, liveThreads(), openFds());
    }

    /**
     * {@return the live threads but the JDK's common fork-join pool, whose workers a test's own
     *     futures may start (seen on Java 25) and which expire on their own: not the server's}
     */
    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool-worker"))
                .count();
    }

    int threads() {
        return threads;
    }

    long fds() {
        return fds;
    }

    static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("smtpunit "))
                .toList();
    }

    static long openFds() {
        try (Stream<Path> fd = Files.list(Path.of("/proc/self/fd"))) {
            return fd.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
