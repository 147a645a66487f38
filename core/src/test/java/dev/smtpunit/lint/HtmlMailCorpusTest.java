package dev.smtpunit.lint;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML corpus (src/test/resources/html/corpus, sources and licences in SOURCES.md): each template
 * sent with Jakarta Mail over real SMTP gets exactly the findings its .expected file lists for the
 * clients named there.
 */
class HtmlMailCorpusTest {
    private static MockSmtpServer smtp;

    @BeforeAll
    static void start() {
        smtp = new MockSmtpServer().start();
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    static Stream<String> templates() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".html"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(HtmlMailCorpusTest.class
                        .getResource("/html/corpus/SOURCES.md")
                        .toURI())
                .getParent();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void templateGetsExactlyItsExpectedFindings(String template) throws Exception {
        String html = Files.readString(corpus().resolve(template), StandardCharsets.UTF_8);
        List<String> expected =
                Files.readAllLines(corpus().resolve(template.replace(".html", ".expected")), StandardCharsets.UTF_8);
        String header = expected.get(0);
        String[] clients = header.substring(header.indexOf(':') + 1, header.indexOf(';'))
                .strip()
                .split(" ");
        EmailClients.Support minimum = EmailClients.Support.valueOf(
                header.substring(header.lastIndexOf(':') + 1).strip());
        MailLint lint = MailLint.of(LintRuleSet.HTML_COMPATIBILITY, LintRuleSet.CONTENT)
                .withClients(EmailClients.of(clients).requiring(minimum));

        ReceivedMessage mail = send(template, html);

        assertThat(lint.check(mail))
                .as("%s for %s", template, Arrays.toString(clients))
                .extracting(f -> f.severity() + " " + f.ruleId())
                .containsExactlyElementsOf(expected.subList(1, expected.size()));
        assertThat(MailLint.defaults().check(mail))
                .as("the default rules")
                .filteredOn(LintFinding::isError)
                .isEmpty();
    }

    private static ReceivedMessage send(String subject, String html) throws Exception {
        smtp.mailbox().clear();
        Session session = Session.getInstance(smtp.properties());
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("news@shop.example"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        m.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Ada, the same mail in plain text.", "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        m.setContent(new MimeMultipart("alternative", text, htmlPart));
        Transport.send(m);
        return smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
    }
}
