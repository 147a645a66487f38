package dev.smtpunit.examples.quarkus;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A measurement, not a test (surefire does not run it): sends mail one at a time through the Vert.x mail
 * client that Quarkus' mailer uses, from a plain (non-event-loop) thread and without connection reuse,
 * as {@code @QuarkusSmtpServer} tests do, and counts the sends that never complete because the client
 * lost the server's greeting (docs/known-client-issues.md). Run it on a loaded machine:
 *
 * <pre>
 * java -cp ... dev.smtpunit.examples.quarkus.GreetingRaceHangRate SENDS GREETING_DELAY_MS [BUSY_THREADS]
 * </pre>
 *
 * A send that has no result after 10 s counts as hung (a completed one takes milliseconds); the figure
 * that matters is the number of sessions in which the server greeted and the client never sent a
 * command, the lost greetings. Busy threads spin to add load on top of whatever else the machine runs.
 */
public final class GreetingRaceHangRate {
    private GreetingRaceHangRate() {}

    /**
     * Runs the measurement and prints one line of figures.
     *
     * @param args sends, greeting delay in milliseconds, optional number of busy threads
     * @throws Exception when a send fails other than by hanging
     */
    public static void main(String[] args) throws Exception {
        int sends = Integer.parseInt(args[0]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[1]));
        int busy = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < busy; i++) {
            Thread t = new Thread(GreetingRaceHangRate::spin, "busy-" + i);
            t.setDaemon(true);
            t.start();
            spinners.add(t);
        }
        Vertx vertx = Vertx.vertx();
        try (MockSmtpServer server = MockSmtpServer.started(
                SmtpServerOptions.builder().greetingDelay(delay).build())) {
            MailClient client = MailClient.create(
                    vertx,
                    new MailConfig()
                            .setHostname(server.host())
                            .setPort(server.port())
                            .setKeepAlive(false)
                            .setStarttls(StartTLSOptions.DISABLED));
            int hung = 0;
            long completedNanos = 0;
            for (int i = 0; i < sends; i++) {
                MailMessage mail = new MailMessage()
                        .setFrom("app@example.com")
                        .setTo("user" + i + "@example.com")
                        .setSubject("send " + i)
                        .setText("Hello");
                long start = System.nanoTime();
                try {
                    client.sendMail(mail)
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
                    completedNanos += System.nanoTime() - start;
                } catch (TimeoutException e) {
                    hung++;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("send " + i + " failed: " + e.getCause(), e.getCause());
                }
            }
            int completed = sends - hung;
            long lostGreetings = server.transcript().sessions().stream()
                    .filter(session -> session.exchanges().stream().noneMatch(e -> e.isCommand()))
                    .count();
            System.out.printf(
                    "greetingDelay=%d ms busyThreads=%d sends=%d hung=%d lostGreetings=%d completed=%d"
                            + " meanCompletedSend=%.2f ms%n",
                    delay.toMillis(),
                    busy,
                    sends,
                    hung,
                    lostGreetings,
                    completed,
                    completed == 0 ? 0.0 : completedNanos / 1e6 / completed);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            spinners.forEach(Thread::interrupt);
        }
    }

    private static void spin() {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
    }
}
