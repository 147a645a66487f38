package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A whole send, with Jakarta Mail and with a raw socket through every kind of path, reported as
 * text. {@link NoJavaxMailTest} runs it in a class loader that cannot see {@code javax.mail}.
 */
public final class NoJavaxMailProbe implements Callable<List<String>> {
    @Override
    public List<String> call() throws Exception {
        List<String> seen = new ArrayList<>();
        SmtpServerOptions options = SmtpServerOptions.builder()
                .maxMessageSize(10_000)
                .acceptedDomains("example.com")
                .build();
        try (MockSmtpServer smtp = MockSmtpServer.started(options)) {
            Transport.send(Mail.simple(
                    Session.getInstance(smtp.properties()), "app@example.com", "ada@example.com", "Hi", "Hello"));
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                c.reply();
                c.command("EHLO probe.test");
                seen.add(c.command("MAIL FROM:<> SIZE=100"));
                seen.add(c.command("RCPT TO:<\"quoted local\"@example.com>"));
                seen.add(c.command("RCPT TO:<@relay.test,@other.test:b@example.com>"));
                seen.add(c.command("RCPT TO:<c@[IPv6:2001:db8::1]>"));
                seen.add(c.command("RCPT TO:<not an address>"));
                seen.add(c.command("DATA"));
                seen.add(c.command("Subject: raw\r\n\r\nbody\r\n."));
            }
            for (ReceivedMessage m : smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5))) {
                seen.add(m.subject() + " " + m.envelope().sender() + " -> "
                        + m.envelope().recipientAddresses());
            }
        }
        return seen;
    }
}
