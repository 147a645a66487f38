package dev.smtpunit;

import jakarta.mail.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jakarta Mail's own XOAUTH2, and CRAM-MD5 through its SASL support (the JDK's SASL client). */
class JakartaMailAuthTest {

    private static Properties xoauth2(MockSmtpServer smtp) {
        Properties props = smtp.properties();
        props.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
        return props;
    }

    @Test
    void sendsWithAnOAuthTokenAsThePassword() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.XOAUTH2)
                .acceptToken("ada@example.com", "ya29.fresh")
                .build())) {
            Mail.send(xoauth2(smtp), "ada@example.com", "ya29.fresh", "token");

            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.envelope().authMechanism()).contains(AuthMechanism.XOAUTH2);
            assertThat(mail.envelope().authenticatedUser()).contains("ada@example.com");
            assertThat(smtp.transcript().commands()).startsWith(SmtpPhase.EHLO, SmtpPhase.AUTH, SmtpPhase.MAIL);
            assertThat(smtp.transcript().toString())
                    .contains("C: AUTH XOAUTH2 *** (masked)")
                    .doesNotContain("ya29");
        }
    }

    @Test
    void refusesAnExpiredTokenThenAcceptsTheRefreshedOne() throws Exception {
        Set<String> expired = ConcurrentHashMap.newKeySet();
        expired.add("ya29.expired");
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.XOAUTH2)
                .tokenCheck((user, token) -> user.equals("ada@example.com") && !expired.contains(token))
                .build())) {
            assertThatThrownBy(() -> Mail.send(xoauth2(smtp), "ada@example.com", "ya29.expired", "first try"))
                    .isInstanceOf(AuthenticationFailedException.class);
            Mail.send(xoauth2(smtp), "ada@example.com", "ya29.refreshed", "second try");

            assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)))
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("second try");
            assertThat(smtp.transcript().authAttempts())
                    .extracting(AuthAttempt::sessionId, AuthAttempt::outcome)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, AuthAttempt.Outcome.REFUSED),
                            org.assertj.core.groups.Tuple.tuple(2, AuthAttempt.Outcome.ACCEPTED));
            assertThat(smtp.transcript().toString()).doesNotContain("ya29");
        }
    }

    @Test
    void sendsWithCramMd5ThroughJakartaMailSasl() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.CRAM_MD5)
                .user("tim", "tanstaaftanstaaf")
                .build())) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.sasl.enable", "true");
            props.setProperty("mail.smtp.sasl.mechanisms", "CRAM-MD5");
            Mail.send(props, "tim", "tanstaaftanstaaf", "cram");
            assertThat(smtp.mailbox()
                            .awaitMessages(1, Duration.ofSeconds(5))
                            .get(0)
                            .envelope()
                            .authMechanism())
                    .contains(AuthMechanism.CRAM_MD5);

            Properties wrong = smtp.properties();
            wrong.setProperty("mail.smtp.sasl.enable", "true");
            wrong.setProperty("mail.smtp.sasl.mechanisms", "CRAM-MD5");
            assertThatThrownBy(() -> Mail.send(wrong, "tim", "wrong", "cram"))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(smtp.transcript().authAttempts())
                    .extracting(AuthAttempt::outcome)
                    .containsExactly(AuthAttempt.Outcome.ACCEPTED, AuthAttempt.Outcome.REFUSED);
            assertThat(smtp.transcript().session(2).exchanges())
                    .extracting(TranscriptEntry.Exchange::code)
                    .contains(535);
        }
    }
}
