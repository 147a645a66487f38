package dev.smtpunit.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;
import java.util.function.Supplier;

/** Throughput with Jakarta Mail as the client: one Transport per connection, reused for every message. */
final class JakartaLoad {
    private static final int MESSAGES = BenchmarkMain.QUICK ? 1_000 : 10_000;

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
            int each = MESSAGES / connections;
            return BenchmarkMain.rate(t, connections, each, 300, () -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = 0; i < each; i++) {
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                }
            });
        }
    }
}
