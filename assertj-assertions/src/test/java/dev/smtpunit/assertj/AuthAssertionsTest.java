package dev.smtpunit.assertj;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static dev.smtpunit.AuthAttempt.Outcome.ACCEPTED;
import static dev.smtpunit.AuthAttempt.Outcome.REFUSED;
import static dev.smtpunit.SmtpPhase.AUTH;
import static dev.smtpunit.SmtpPhase.DATA;
import static dev.smtpunit.SmtpPhase.EHLO;
import static dev.smtpunit.SmtpPhase.MAIL;
import static dev.smtpunit.SmtpPhase.QUIT;
import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AUTH as the assertions read it: only a 235 counts, and the refused-then-refreshed token story. */
class AuthAssertionsTest {

    private static String failure(MockSmtpServer smtp, String expectation) {
        return String.format("%nExpecting transcript to " + expectation + "%nbut it was:%n")
                + smtp.transcript().toString().stripTrailing();
    }

    private static void send(Properties props, String user, String password) throws Exception {
        props.setProperty("mail.smtp.auth", "true");
        Session s = Session.getInstance(props);
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress("ada@example.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("bob@example.com"));
        m.setSubject("report");
        m.setText("x");
        Transport.send(m, user, password);
    }

    private static void awaitAllClosed(MockSmtpServer smtp) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.transcript().sessions().stream().allMatch(SessionTranscript::isClosed));
    }

    @Test
    void countsAnAuthLoginSessionAsExactlyItsCommands() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().user("app", "pw").build())) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.auth.mechanisms", "LOGIN");
            send(props, "app", "pw");
            smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
            awaitAllClosed(smtp);

            assertThat(smtp.transcript())
                    .containsExactlyCommands(EHLO, AUTH, MAIL, RCPT, DATA, QUIT)
                    .usedAuthMechanism("login")
                    .hasAuthAttempts(ACCEPTED);
        }
    }

    @Test
    void usedAuthMechanismFailsWhenTheAttemptGot535() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().user("app", "pw").build())) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.auth.mechanisms", "PLAIN");
            assertThatThrownBy(() -> send(props, "app", "wrong")).isInstanceOf(AuthenticationFailedException.class);
            awaitAllClosed(smtp);

            assertThatThrownBy(() -> assertThat(smtp.transcript()).usedAuthMechanism("PLAIN"))
                    .hasMessage(
                            failure(
                                    smtp,
                                    "show AUTH PLAIN accepted (235), but the AUTH attempts were"
                                            + " [session 1: AUTH PLAIN refused (535 5.7.8 Authentication credentials invalid)]"));
            assertThat(smtp.transcript()).hasAuthAttempts(REFUSED);
        }
    }

    @Test
    void readsTheRefusedThenRefreshedTokenStory() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.XOAUTH2)
                .tokenCheck((user, token) -> token.equals("ya29.refreshed"))
                .build())) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
            assertThatThrownBy(() -> send(props, "ada@example.com", "ya29.expired"))
                    .isInstanceOf(AuthenticationFailedException.class);
            send(props, "ada@example.com", "ya29.refreshed");
            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            awaitAllClosed(smtp);

            assertThat(smtp.transcript()).hasAuthAttempts(REFUSED, ACCEPTED).usedAuthMechanism(AuthMechanism.XOAUTH2);
            assertThat(mail).wasAuthenticatedWith(AuthMechanism.XOAUTH2).wasAuthenticatedAs("ada@example.com");

            assertThatThrownBy(() -> assertThat(smtp.transcript()).hasAuthAttempts(ACCEPTED))
                    .hasMessage(failure(
                            smtp,
                            "show AUTH attempts ending [ACCEPTED], but the AUTH attempts were"
                                    + " [session 1: AUTH XOAUTH2 refused (334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIn0=),"
                                    + " session 2: AUTH XOAUTH2 accepted (235 2.7.0 Authentication successful)]"));
            String line = "Subject: \"report\", envelope from=<ada@example.com> to=[bob@example.com], " + mail.size()
                    + " bytes";
            assertThatThrownBy(() -> assertThat(mail).wasAuthenticatedWith(AuthMechanism.PLAIN))
                    .hasMessage(String.format("%nExpecting message:%n  " + line + "%nto have been authenticated with:%n"
                            + "  \"PLAIN\"%nbut was:%n  \"XOAUTH2\""));
        }
    }

    @Test
    void saysWhenNoSessionUsedAuth() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Send.text(smtp, "app@example.com", "ada@example.com", "plain", "x");
            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            awaitAllClosed(smtp);
            assertThatThrownBy(() -> assertThat(smtp.transcript()).usedAuthMechanism(AuthMechanism.CRAM_MD5))
                    .hasMessage(failure(smtp, "show AUTH CRAM-MD5 accepted (235), but no session used AUTH"));
            assertThatThrownBy(() -> assertThat(mail).wasAuthenticatedWith(AuthMechanism.CRAM_MD5))
                    .hasMessageContaining(
                            "to have been authenticated with:%n  \"CRAM-MD5\"%nbut was:%n  \"not authenticated\""
                                    .formatted());
        }
    }
}
