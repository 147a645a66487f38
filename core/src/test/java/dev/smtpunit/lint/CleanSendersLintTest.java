package dev.smtpunit.lint;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Mail built by well-kept senders, sent over real SMTP, lints clean: no false alarms. */
class CleanSendersLintTest {

    @Test
    void jakartaMailMultipartWithUnicodeAndAttachmentIsClean() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Session session = Session.getInstance(smtp.properties());
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("billing@shop.example", "Caf\u00e9 Shop", "UTF-8"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
            m.setSubject(
                    "Ihre Bestellbest\u00e4tigung \u2713 \u2013 a subject long enough to need folding across lines",
                    "UTF-8");
            m.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Gr\u00fc\u00dfe, Ada \u2713\nline two", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>Gr\u00fc\u00dfe, Ada \u2713</p>", "text/html; charset=UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart pdf = new MimeBodyPart();
            pdf.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(new byte[] {37, 80, 68, 70, -1, 0, 1}, "application/pdf")));
            pdf.setFileName("Rechnung M\u00e4rz.pdf");
            m.setContent(new MimeMultipart(body, pdf));
            Transport.send(m);

            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(errors(mail)).as(mail.rawContent()).isEmpty();
            // Jakarta Mail folds the encoded Subject after 81 characters: a real (SHOULD-level) finding
            assertThat(MailLint.defaults().check(mail))
                    .extracting(LintFinding::ruleId)
                    .containsOnly("line.long");
        }
    }

    @Test
    void pythonEmailPackageMessageSentWithBody8bitmimeIsClean() throws Exception {
        ReceivedMessage mail = sendWithPython(
                "s.sendmail('billing@shop.example', ['ada@example.com'], m.as_bytes(policy=m.policy.clone(linesep='\\r\\n')),"
                        + " mail_options=['BODY=8BITMIME'])");
        assertThat(MailLint.defaults().check(mail)).as(mail.rawContent()).isEmpty();
    }

    @Test
    void pythonSendMessageSends8bitContentWithoutDeclaringBody8bitmime() throws Exception {
        // smtplib's send_message adds BODY=8BITMIME only for SMTPUTF8 messages: a real finding
        ReceivedMessage mail = sendWithPython("s.send_message(m)");
        assertThat(mail.envelope().mailParameters()).doesNotContainKey("BODY");
        assertThat(MailLint.defaults().check(mail))
                .extracting(LintFinding::ruleId)
                .containsExactly("envelope.8bit-without-8bitmime");
    }

    private static java.util.List<LintFinding> errors(ReceivedMessage mail) {
        return MailLint.defaults().check(mail).stream()
                .filter(LintFinding::isError)
                .toList();
    }

    private static ReceivedMessage sendWithPython(String sendLine) throws Exception {
        assumeTrue(python() != null, "python3 is not installed");
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            String script = String.join(
                    "\n",
                    "import smtplib, sys",
                    "from email.message import EmailMessage",
                    "from email.utils import formatdate, make_msgid",
                    "m = EmailMessage()",
                    "m['From'] = 'Caf\u00e9 Shop <billing@shop.example>'",
                    "m['To'] = 'ada@example.com'",
                    "m['Subject'] = 'Ihre Bestellbest\u00e4tigung \u2713'",
                    "m['Date'] = formatdate(localtime=False)",
                    "m['Message-ID'] = make_msgid(domain='shop.example')",
                    "m.set_content('Gr\u00fc\u00dfe, Ada \u2713\\nline two\\n')",
                    "m.add_alternative('<p>Gr\u00fc\u00dfe, Ada \u2713</p>', subtype='html')",
                    "m.add_attachment(bytes([37, 80, 68, 70, 255, 0, 1]), maintype='application', subtype='pdf',"
                            + " filename='Rechnung M\u00e4rz.pdf')",
                    "with smtplib.SMTP('" + smtp.host() + "', " + smtp.port() + ") as s:",
                    "    " + sendLine);
            Process p = new ProcessBuilder(python(), "-c", script)
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isZero();

            return smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        }
    }

    static String python() {
        for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "--version")
                        .redirectErrorStream(true)
                        .start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
