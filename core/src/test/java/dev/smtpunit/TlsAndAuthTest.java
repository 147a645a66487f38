package dev.smtpunit;

import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.testsupport.RawClient;
import jakarta.mail.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** STARTTLS, implicit TLS and AUTH, with Jakarta Mail and a raw socket. */
class TlsAndAuthTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MockSmtpServer tlsServer(StartTlsMode mode) {
        return MockSmtpServer.started(
                SmtpServerOptions.builder().startTls(mode).user("app", "s3cret").build());
    }

    @Test
    void deliversOverStartTlsWithAuthThroughClientTrust() throws Exception {
        try (MockSmtpServer smtp = tlsServer(StartTlsMode.REQUIRED)) {
            var props = smtp.clientTrust().startTlsProperties(smtp);
            props.setProperty("mail.smtp.auth.mechanisms", "PLAIN");
            Mail.send(props, "app", "s3cret", "secure");

            ReceivedMessage m =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(m.envelope().tls()).hasValueSatisfying(t -> {
                assertThat(t.protocol()).startsWith("TLSv1.");
                assertThat(t.implicit()).isFalse();
            });
            assertThat(m.envelope().authenticatedUser()).contains("app");
            assertThat(smtp.transcript().commands())
                    .containsSubsequence(
                            SmtpPhase.EHLO,
                            SmtpPhase.STARTTLS,
                            SmtpPhase.EHLO,
                            SmtpPhase.AUTH,
                            SmtpPhase.MAIL,
                            SmtpPhase.RCPT,
                            SmtpPhase.DATA);
            assertThat(smtp.transcript().toString())
                    .contains("AUTH PLAIN *** (masked)")
                    .doesNotContain(b64("\0app\0s3cret"));
        }
    }

    @Test
    void deliversOverImplicitTls() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().implicitTls(0).build())) {
            Mail.send(smtp.clientTrust().smtpsProperties(smtp), "smtps");
            ReceivedMessage m =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(m.envelope().tls())
                    .hasValueSatisfying(t -> assertThat(t.implicit()).isTrue());
            assertThat(smtp.transcript().session(1).events().get(0).detail()).endsWith("(implicit TLS)");
        }
    }

    @Test
    void refusesMailAndAuthBeforeStartTlsWhenRequired() throws Exception {
        try (MockSmtpServer smtp = tlsServer(StartTlsMode.REQUIRED);
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("EHLO x"))
                    .isEqualTo(
                            "250-localhost Hello x [127.0.0.1]\n250-PIPELINING\n250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250 STARTTLS");
            assertThat(c.command("AUTH PLAIN " + b64("\0app\0s3cret")))
                    .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
            assertThat(c.command("MAIL FROM:<a@example.com>"))
                    .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
            assertThat(c.command("STARTTLS")).isEqualTo("220 2.0.0 Ready to start TLS");
            c.upgradeToTls(smtp.clientTrust().socketFactory(), "localhost");
            assertThat(c.command("MAIL FROM:<a@example.com>"))
                    .as("EHLO is forgotten after STARTTLS (RFC 3207 4.2)")
                    .isEqualTo("503 5.5.0 Need HELO or EHLO before MAIL");
            assertThat(c.command("EHLO x")).endsWith("250 AUTH PLAIN LOGIN");
            assertThat(c.command("STARTTLS")).startsWith("500 ");
        }
    }

    @Test
    void discardsCommandsPipelinedAfterStartTls() throws Exception {
        try (MockSmtpServer smtp = tlsServer(StartTlsMode.OFFERED);
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.sendRaw("STARTTLS\r\nMAIL FROM:<injected@example.com>\r\n");
            assertThat(c.reply()).isEqualTo("220 2.0.0 Ready to start TLS");
            c.upgradeToTls(smtp.clientTrust().socketFactory(), "localhost");
            assertThat(c.command("EHLO x")).startsWith("250-");
            assertThat(c.command("RCPT TO:<b@example.com>"))
                    .as("the injected MAIL was never executed")
                    .isEqualTo("503 5.5.0 Need MAIL before RCPT");
            assertThat(smtp.transcript().session(1).events())
                    .extracting(TranscriptEntry.Event::detail)
                    .contains("discarded 34 bytes of plaintext sent after STARTTLS before the TLS handshake"
                            + " (RFC 3207 section 4.2: possible command injection)");
        }
    }

    @Test
    void refusesAWrongPasswordWith535() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().user("app", "s3cret").build())) {
            assertThatThrownBy(() -> Mail.send(smtp.properties(), "app", "wrong", "x"))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("535 5.7.8");
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                c.reply();
                c.command("EHLO x");
                assertThat(c.command("AUTH PLAIN " + b64("\0app\0nope")))
                        .isEqualTo("535 5.7.8 Authentication credentials invalid");
            }
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void authenticatesWithLoginStepByStep() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                        SmtpServerOptions.builder().user("app", "s3cret").build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(c.command(b64("app"))).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(c.command(b64("s3cret"))).isEqualTo("235 2.7.0 Authentication successful");
            assertThat(c.command("AUTH LOGIN")).isEqualTo("503 5.5.1 Error: already authenticated");
            assertThat(smtp.transcript().toString())
                    .contains("C: " + b64("app"))
                    .doesNotContain(b64("s3cret"));
        }
    }

    @Test
    void endsTheAuthExchangeOnEveryError() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                        SmtpServerOptions.builder().user("app", "s3cret").build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH PLAIN")).isEqualTo("334 ");
            assertThat(c.command("%%% not base64"))
                    .isEqualTo("501 5.5.2 Cannot decode AUTH PLAIN response (not base64)");
            assertThat(c.command("NOOP"))
                    .as("the next line is a command again, not a credential")
                    .isEqualTo("250 2.0.0 OK");
            assertThat(c.command("AUTH LOGIN")).startsWith("334 ");
            assertThat(c.command("*")).isEqualTo("501 5.7.0 Authentication cancelled");
            assertThat(c.command("AUTH CRAM-MD5"))
                    .isEqualTo("504 5.5.4 Unrecognized authentication type CRAM-MD5 (offered: PLAIN LOGIN)");
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
    }

    @Test
    void requiresAuthBeforeMailWhenConfigured() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .acceptAnyCredentials()
                        .requireAuth(true)
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("MAIL FROM:<a@example.com>")).isEqualTo("530 5.7.0 Authentication required");
            assertThat(c.command("AUTH PLAIN " + b64("\0anyone\0anything"))).startsWith("235 ");
            assertThat(c.command("MAIL FROM:<a@example.com> AUTH=<>")).startsWith("250 ");
        }
    }

    @Test
    void refusesAuthAndStartTlsBeforeEhlo() throws Exception {
        try (MockSmtpServer smtp = tlsServer(StartTlsMode.OFFERED);
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("STARTTLS")).isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
            assertThat(c.command("AUTH PLAIN " + b64("\0app\0s3cret")))
                    .isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
            c.command("EHLO x");
            assertThat(c.command("STARTTLS")).startsWith("220 ");
            c.upgradeToTls(smtp.clientTrust().socketFactory(), "localhost");
            assertThat(c.command("AUTH PLAIN " + b64("\0app\0s3cret")))
                    .as("EHLO again after STARTTLS")
                    .isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
            c.command("EHLO x");
            assertThat(c.command("AUTH PLAIN " + b64("\0app\0s3cret"))).startsWith("235 ");
        }
    }

    @Test
    void answersAuthWith503WhenNotOffered() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH PLAIN " + b64("\0a\0b")))
                    .isEqualTo("503 5.5.1 Error: authentication not enabled");
            assertThat(c.command("STARTTLS")).isEqualTo("500 5.5.1 Command STARTTLS unrecognized.");
        }
    }
}
