package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.testsupport.RawClient;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static dev.smtpunit.SmtpPhase.AUTH;
import static dev.smtpunit.SmtpPhase.DATA;
import static dev.smtpunit.SmtpPhase.EHLO;
import static dev.smtpunit.SmtpPhase.MAIL;
import static dev.smtpunit.SmtpPhase.QUIT;
import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.SmtpPhase.STARTTLS;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscriptAssertTest {

    private static String failure(MockSmtpServer smtp, String expectation) {
        return String.format("%nExpecting transcript to " + expectation + "%nbut it was:%n")
                + smtp.transcript().toString().stripTrailing();
    }

    /** The transcript records the close after the client saw 221; wait for it so the printed transcript is final. */
    private static void awaitAllClosed(MockSmtpServer smtp) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> smtp.transcript().sessions().stream().allMatch(dev.smtpunit.SessionTranscript::isClosed));
    }

    @Test
    void readsTheTlsAndAuthStory() throws Exception {
        SmtpServerOptions options = SmtpServerOptions.builder()
                .startTls(SmtpServerOptions.StartTlsMode.REQUIRED)
                .user("app", "pw")
                .build();
        try (MockSmtpServer smtp = MockSmtpServer.started(options)) {
            Properties p = smtp.clientTrust().startTlsProperties(smtp);
            p.setProperty("mail.smtp.auth", "true");
            p.setProperty("mail.smtp.auth.mechanisms", "PLAIN");
            Session s = Session.getInstance(p);
            MimeMessage m = new MimeMessage(s);
            m.setFrom(new InternetAddress("app@example.com"));
            m.setRecipients(MimeMessage.RecipientType.TO, "ada@example.com");
            m.setSubject("secure");
            m.setText("x");
            Transport.send(m, "app", "pw");
            smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
            awaitAllClosed(smtp);

            assertThat(smtp.transcript())
                    .containsCommandsInOrder(EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, QUIT)
                    .containsExactlyCommands(EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, QUIT)
                    .upgradedToTlsBeforeAuth()
                    .usedAuthMechanism("PLAIN")
                    .hasSessionCount(1)
                    .hasNoProtocolViolations();
            assertThat(smtp).transcript().session(1).containsCommandsInOrder(STARTTLS, AUTH);

            assertThatThrownBy(() -> assertThat(smtp.transcript()).usedAuthMechanism("LOGIN"))
                    .hasMessage(failure(
                            smtp,
                            "show AUTH LOGIN accepted (235), but the AUTH attempts were"
                                    + " [session 1: AUTH PLAIN accepted (235 2.7.0 Authentication successful)]"));
            assertThatThrownBy(() -> assertThat(smtp.transcript()).containsCommandsInOrder(AUTH, STARTTLS))
                    .hasMessage(
                            failure(
                                    smtp,
                                    "contain the commands [AUTH, STARTTLS] in this order (STARTTLS not found after the"
                                            + " ones before it); the commands were [EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, QUIT]"));
            assertThatThrownBy(() -> assertThat(smtp.transcript()).hasSessionCount(2))
                    .hasMessage(failure(smtp, "have 2 sessions but it has 1"));
            assertThatThrownBy(() -> assertThat(smtp.transcript()).session(3))
                    .hasMessage(failure(smtp, "have a session 3"));
        }
    }

    @Test
    void readsARetryStory() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            smtp.faults().on(RCPT).times(2).reply(452, "4.2.2 Mailbox full");
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Send.text(smtp, "app@example.com", "ada@example.com", "retry", "x");
                } catch (SendFailedException expected) {
                    // the application would back off and retry
                }
            }
            awaitAllClosed(smtp);
            assertThat(smtp.transcript())
                    .repliedTo(RCPT, 452)
                    .times(2)
                    .thenRepliedTo(RCPT, 250)
                    .thenRepliedTo(DATA, 354);
            assertThat(smtp.transcript()).hasSessionCount(3);

            assertThatThrownBy(() ->
                            assertThat(smtp.transcript()).repliedTo(RCPT, 452).times(3))
                    .hasMessage(failure(smtp, "show 3 replies 452 to RCPT but found 2"));
            assertThatThrownBy(() -> assertThat(smtp.transcript())
                            .repliedTo(RCPT, 452)
                            .times(2)
                            .thenRepliedTo(MAIL, 451))
                    .hasMessage(failure(
                            smtp,
                            "show MAIL answered with 451 after 452 to RCPT, but the next MAIL got"
                                    + " 250 2.1.0 Sender <app@example.com> OK"));
            assertThatThrownBy(() -> assertThat(smtp.transcript()).repliedTo(RCPT, 550))
                    .hasMessage(failure(smtp, "show a 550 reply to RCPT"));
            assertThatThrownBy(() -> assertThat(smtp.transcript()).upgradedToTlsBeforeAuth())
                    .hasMessage(failure(smtp, "show TLS established before AUTH, but no session used AUTH"));
        }
    }

    @Test
    void seesPipeliningAndViolations() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            client.readLine();
            client.command("EHLO x");
            assertThatThrownBy(() -> assertThat(smtp.transcript()).usedPipelining())
                    .hasMessage(failure(smtp, "show pipelined commands, but the client waited for every reply"));
            client.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nNOOP\n");
            client.reply();
            client.reply();
            client.reply();
            assertThat(smtp.transcript()).usedPipelining();
            assertThatThrownBy(() -> assertThat(smtp.transcript()).hasNoProtocolViolations())
                    .hasMessage(failure(
                            smtp,
                            "show no protocol violation, but found [session 1: bare <LF> received; SMTP lines"
                                    + " must end with <CRLF> (RFC 5321 section 2.3.8)]"));
        }
    }
}
