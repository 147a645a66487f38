package dev.smtpunit;

import dev.smtpunit.fault.FaultMatcher;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the transcript makes of AUTH: commands versus continuation lines, attempts and their outcomes. */
class AuthTranscriptTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsAnAuthLoginExchangeAsOneCommand() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                        SmtpServerOptions.builder().user("app", "s3cret").build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.command("AUTH LOGIN");
            c.command(b64("app"));
            assertThat(c.command(b64("s3cret"))).startsWith("235 ");
            c.command("MAIL FROM:<app@example.com>");
            c.command("QUIT");
            assertThat(c.isClosedByServer()).isTrue();

            assertThat(smtp.transcript().commands())
                    .containsExactly(SmtpPhase.EHLO, SmtpPhase.AUTH, SmtpPhase.MAIL, SmtpPhase.QUIT);
            assertThat(smtp.transcript().exchanges(SmtpPhase.AUTH))
                    .extracting(TranscriptEntry.Exchange::continuation)
                    .containsExactly(false, true, true);
            assertThat(smtp.transcript().authAttempts()).singleElement().satisfies(a -> {
                assertThat(a.mechanism()).isEqualTo("LOGIN");
                assertThat(a.outcome()).isEqualTo(AuthAttempt.Outcome.ACCEPTED);
                assertThat(a.knownMechanism()).contains(AuthMechanism.LOGIN);
                assertThat(a).hasToString("session 1: AUTH LOGIN accepted (235 2.7.0 Authentication successful)");
            });
        }
    }

    @Test
    void doesNotCountTheIdleTimeoutReplyAsACommand() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .user("app", "s3cret")
                        .idleTimeout(Duration.ofMillis(300))
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH LOGIN")).startsWith("334 ");
            assertThat(c.reply()).startsWith("421 4.4.2 ");
            assertThat(c.isClosedByServer()).isTrue();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.transcript().session(1).isClosed());

            assertThat(smtp.transcript().commands()).containsExactly(SmtpPhase.EHLO, SmtpPhase.AUTH);
            assertThat(smtp.transcript().authAttempts())
                    .extracting(AuthAttempt::outcome)
                    .containsExactly(AuthAttempt.Outcome.UNFINISHED);
        }
    }

    @Test
    void tellsRefusedAcceptedAndUnknownAttemptsApart() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                        SmtpServerOptions.builder().user("app", "s3cret").build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH PLAIN " + b64("\0app\0wrong"))).startsWith("535 ");
            assertThat(c.command("AUTH GSSAPI")).startsWith("504 ");
            assertThat(c.command("AUTH PLAIN " + b64("\0app\0s3cret"))).startsWith("235 ");

            assertThat(smtp.transcript().authAttempts())
                    .extracting(AuthAttempt::toString)
                    .containsExactly(
                            "session 1: AUTH PLAIN refused (535 5.7.8 Authentication credentials invalid)",
                            "session 1: AUTH GSSAPI refused (504 5.5.4 Unrecognized authentication type GSSAPI (offered: PLAIN LOGIN))",
                            "session 1: AUTH PLAIN accepted (235 2.7.0 Authentication successful)");
        }
    }

    @Test
    void matchesFaultRulesOnTheMechanism() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .authMechanisms(AuthMechanism.XOAUTH2, AuthMechanism.PLAIN)
                        .user("app", "s3cret")
                        .acceptToken("app", "t")
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            smtp.faults()
                    .on(SmtpPhase.AUTH)
                    .matching(FaultMatcher.authMechanism(AuthMechanism.XOAUTH2))
                    .always()
                    .reply(454, "4.7.0 Temporary authentication failure");
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH xoauth2 " + b64("user=app\u0001auth=Bearer t\u0001\u0001")))
                    .isEqualTo("454 4.7.0 Temporary authentication failure");
            assertThat(c.command("AUTH PLAIN " + b64("\0app\0s3cret"))).startsWith("235 ");
        }
    }
}
