package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Run by {@link MimeMessageWithoutJakartaMailTest} in a class loader without (part of) Jakarta Mail:
 * receives a message, reads a view, then asks for {@code mimeMessage()}.
 */
public final class MimeMessageProbe implements Callable<String> {
    @Override
    public String call() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            client.reply();
            client.command("EHLO probe");
            client.command("MAIL FROM:<app@example.com>");
            client.command("RCPT TO:<ada@example.com>");
            client.command("DATA");
            client.sendRaw("Subject: probe\r\n\r\nbody\r\n");
            client.command(".");
            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            try {
                return mail.subject() + ": " + mail.mimeMessage().getSubject();
            } catch (IllegalStateException e) {
                return mail.subject() + ": " + e.getMessage();
            }
        }
    }
}
