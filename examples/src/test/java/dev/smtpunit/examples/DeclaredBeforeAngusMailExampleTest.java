package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Example 10: this module's pom declares {@code smtpunit-core} before {@code angus-mail}. James' old
 * {@code javax.mail} jar would put its {@code META-INF/mailcap} (naming {@code javax} handlers) first
 * on the classpath and break Jakarta Mail's {@code saveChanges()} with a ClassCastException; SmtpUnit
 * embeds only the classes James needs, without that file.
 */
@SmtpServer
class DeclaredBeforeAngusMailExampleTest {

    @Test
    void noJavaxMailcapReachesTheClasspath() throws Exception {
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/mailcap"))) {
            try (var in = url.openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .as(url.toString())
                        .doesNotContain("com.sun.mail.handlers");
            }
        }
    }

    @Test
    void jakartaMailBuildsAndSendsMultipartMail(MockSmtpServer smtp) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(smtp.properties()));
        message.setFrom(new InternetAddress("app@example.com"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        message.setSubject("Multipart");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("plain part");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<b>html part</b>", "text/html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        Transport.send(message);

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .hasTextBody("plain part")
                .hasHtmlBody("<b>html part</b>");
    }
}
