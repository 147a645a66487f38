package dev.smtpunit.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Throughput with Jakarta Mail as the client: one Transport per connection, reused for every message. */
final class JakartaLoad {
    private static final int MESSAGES = 10_000;

    private JakartaLoad() {}

    static double throughput(Supplier<Target> factory, int connections) throws Exception {
        try (Target t = factory.get()) {
            t.start();
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", "127.0.0.1");
            p.setProperty("mail.smtp.port", Integer.toString(t.port()));
            Session session = Session.getInstance(p);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("bench@example.com"));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("sink@example.com"));
            message.setSubject("bench");
            message.setText("x".repeat(900));
            message.saveChanges();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            int each = MESSAGES / connections;
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                fs.add(pool.submit(() -> {
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        for (int i = 0; i < each; i++) {
                            transport.sendMessage(message, message.getAllRecipients());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(300, TimeUnit.SECONDS);
            }
            BenchmarkMain.awaitStored(t, each * connections);
            double rate = each * connections / ((System.nanoTime() - t0) / 1e9);
            pool.shutdown();
            return rate;
        }
    }
}
