package dev.smtpunit.benchmarks;

import java.time.Duration;

import dev.smtpunit.MockSmtpServer;

/** Run in a fresh JVM: start a server, send one message, see it stored, exit. */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bare")) {
            return;
        }
        try (MockSmtpServer server = new MockSmtpServer().start(); LoadClient client = new LoadClient(server.port())) {
            client.send(LoadClient.message(1024, "cold"));
            server.mailbox().awaitMessages(1, Duration.ofSeconds(10));
        }
    }
}
