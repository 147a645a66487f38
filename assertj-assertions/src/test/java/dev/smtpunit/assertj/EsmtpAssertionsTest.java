package dev.smtpunit.assertj;

import dev.smtpunit.DsnNotify;
import dev.smtpunit.DsnReturn;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpServerOptions;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTPUTF8 and DSN assertions, and the transcript's extensions, on mail sent by Jakarta Mail. */
class EsmtpAssertionsTest {
    private static final String JURGEN = "j\u00fcrgen@b\u00fccher.example";
    private static MockSmtpServer smtp;
    private static ReceivedMessage mail;
    private static String line;

    @BeforeAll
    static void send() throws Exception {
        smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().smtpUtf8(true).dsn(true).build());
        Properties p = smtp.properties();
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.smtp.dsn.notify", "SUCCESS,FAILURE");
        p.setProperty("mail.smtp.dsn.ret", "HDRS");
        p.setProperty("mail.smtp.mailextension", "ENVID=order+2B4711");
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(JURGEN));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        m.setSubject("Gr\u00fc\u00dfe", "UTF-8");
        m.setText("x", "UTF-8");
        Transport.send(m);
        mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        line = "Subject: \"Gr\u00fc\u00dfe\", envelope from=<" + JURGEN + "> to=[ada@example.com], " + mail.size()
                + " bytes";
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    private static String expected(String what, String expected, String was) {
        return String.format(
                "%nExpecting message:%n  " + line + "%nto have " + what + ":%n  " + expected + "%nbut was:%n  " + was);
    }

    @Test
    void passesOnWhatTheClientSent() {
        assertThat(mail)
                .isSmtpUtf8()
                .hasEnvelopeSender(JURGEN)
                .hasSubject("Gr\u00fc\u00dfe")
                .hasDsnReturn(DsnReturn.HDRS)
                .hasDsnEnvelopeId("order+4711")
                .hasDsnNotify("ada@example.com", DsnNotify.FAILURE, DsnNotify.SUCCESS);
        assertThat(smtp.transcript()).usedExtensions("SMTPUTF8", "dsn").usedExactlyExtensions("SMTPUTF8", "DSN");
    }

    @Test
    void failsWithExactMessages() {
        assertThatThrownBy(() -> assertThat(mail).isNotSmtpUtf8())
                .hasMessage(expected(
                        "been sent without",
                        "\"SMTPUTF8\"",
                        "\"MAIL FROM parameters {SMTPUTF8=, RET=HDRS, ENVID=order+2B4711}\""));
        assertThatThrownBy(() -> assertThat(mail).hasDsnReturn(DsnReturn.FULL))
                .hasMessage(expected("DSN RET", "FULL", "\"HDRS\""));
        assertThatThrownBy(() -> assertThat(mail).hasDsnEnvelopeId("order-4711"))
                .hasMessage(expected("DSN ENVID", "\"order-4711\"", "\"order+4711\""));
        assertThatThrownBy(() -> assertThat(mail).hasDsnNotify("ada@example.com", DsnNotify.NEVER))
                .hasMessage(expected("DSN NOTIFY for <ada@example.com>", "[NEVER]", "[SUCCESS, FAILURE]"));
        assertThatThrownBy(() -> assertThat(mail).hasDsnOriginalRecipient("ada@example.com", "rfc822;ada@example.com"))
                .hasMessage(expected(
                        "DSN ORCPT for <ada@example.com>", "\"rfc822;ada@example.com\"", "\"no ORCPT parameter\""));
        assertThatThrownBy(() -> assertThat(mail).hasDsnNotify("bob@example.com"))
                .hasMessage(expected(
                        "DSN NOTIFY for <bob@example.com>",
                        "[]",
                        "\"not an envelope recipient; the recipients were [ada@example.com]\""));
        assertThatThrownBy(() -> assertThat(smtp.transcript()).usedExtensions("SMTPUTF8", "PIPELINING"))
                .hasMessageStartingWith(
                        String.format("%nExpecting transcript to show the extensions [SMTPUTF8, PIPELINING] used,"
                                + " but [PIPELINING] were not; the client used [SMTPUTF8, DSN]%nbut it was:%n"));
        assertThatThrownBy(() -> assertThat(smtp.transcript()).usedExactlyExtensions("SMTPUTF8"))
                .hasMessageStartingWith(
                        String.format("%nExpecting transcript to show exactly the extensions [SMTPUTF8] used,"
                                + " but the client used [SMTPUTF8, DSN]%nbut it was:%n"));
    }
}
