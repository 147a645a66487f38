package dev.smtpunit.benchmarks;

import dev.smtpunit.MockSmtpServer;

import java.time.Duration;

/** Run in a fresh JVM: start a server, send one message, see it stored, exit. */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bare")) {
            return;
        }
        if (args.length > 0 && !args[0].equals("SmtpUnit")) {
            try (Target t = Peers.byName(args[0])) {
                t.start();
                try (LoadClient client = new LoadClient(t.port())) {
                    client.send(LoadClient.message(1024, "cold"));
                    client.quit();
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (t.stored() < 1 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
            System.exit(0);
        }
        try (MockSmtpServer server = new MockSmtpServer().start();
                LoadClient client = new LoadClient(server.port())) {
            client.send(LoadClient.message(1024, "cold"));
            server.mailbox().awaitMessages(1, Duration.ofSeconds(10));
        }
    }
}
