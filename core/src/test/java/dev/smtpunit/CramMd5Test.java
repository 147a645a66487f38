package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** CRAM-MD5 (RFC 2195) over a raw socket. */
class CramMd5Test {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacMd5(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MockSmtpServer server() {
        return MockSmtpServer.started(SmtpServerOptions.builder()
                .hostname("mx.test")
                .authMechanisms(AuthMechanism.CRAM_MD5, AuthMechanism.PLAIN)
                .user("tim", "tanstaaftanstaaf")
                .build());
    }

    /** @return the decoded challenge after checking its form */
    private static String challenge(RawClient c) throws Exception {
        String reply = c.command("AUTH CRAM-MD5");
        assertThat(reply).startsWith("334 ");
        String challenge = new String(Base64.getDecoder().decode(reply.substring(4)), StandardCharsets.US_ASCII);
        assertThat(challenge).matches("<[0-9]+\\.[0-9]+@mx\\.test>");
        return challenge;
    }

    @Test
    void computesTheDigestOfRfc2195() throws Exception {
        assertThat(hmacMd5("tanstaaftanstaaf", "<1896.697170952@postoffice.reston.mci.net>"))
                .isEqualTo("b913a602c7eda7a495b4e6e7334d3890");
    }

    @Test
    void acceptsTheRightDigestAndMasksIt() throws Exception {
        try (MockSmtpServer smtp = server();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("EHLO x")).endsWith("\n250 AUTH CRAM-MD5 PLAIN");
            String challenge = challenge(c);
            String response = b64("tim " + hmacMd5("tanstaaftanstaaf", challenge));
            assertThat(c.command(response)).isEqualTo("235 2.7.0 Authentication successful");
            c.command("MAIL FROM:<tim@example.com>");
            c.command("RCPT TO:<ada@example.com>");
            c.command("DATA");
            c.command("Subject: x\r\n\r\nx\r\n.");

            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.envelope().authMechanism()).contains(AuthMechanism.CRAM_MD5);
            assertThat(mail.envelope().authenticatedUser()).contains("tim");
            assertThat(smtp.transcript().toString())
                    .contains("C: AUTH CRAM-MD5\n", "C: *** (masked)\nS: 235")
                    .doesNotContain(response);
        }
    }

    @Test
    void sendsADifferentChallengeEachTime() throws Exception {
        try (MockSmtpServer smtp = server();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            String first = challenge(c);
            c.command("*");
            assertThat(challenge(c)).isNotEqualTo(first);
        }
    }

    @Test
    void refusesAWrongDigestAnUnknownUserAndAnOldChallenge() throws Exception {
        try (MockSmtpServer smtp = server();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            String old = challenge(c);
            assertThat(c.command(b64("tim " + hmacMd5("wrong", old))))
                    .isEqualTo("535 5.7.8 Authentication credentials invalid");
            challenge(c);
            assertThat(c.command(b64("tim " + hmacMd5("tanstaaftanstaaf", old))))
                    .as("a replayed answer to an older challenge")
                    .isEqualTo("535 5.7.8 Authentication credentials invalid");
            String third = challenge(c);
            assertThat(c.command(b64("nobody " + hmacMd5("tanstaaftanstaaf", third))))
                    .isEqualTo("535 5.7.8 Authentication credentials invalid");
            assertThat(smtp.transcript().authAttempts())
                    .extracting(AuthAttempt::outcome)
                    .containsOnly(AuthAttempt.Outcome.REFUSED);
        }
    }

    @Test
    void refusesMalformedResponsesAndAnInitialResponse() throws Exception {
        try (MockSmtpServer smtp = server();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH CRAM-MD5 " + b64("tim 0123")))
                    .isEqualTo(
                            "501 5.5.2 CRAM-MD5 takes no initial response: the server sends the challenge first (RFC 2195)");
            String challenge = challenge(c);
            assertThat(c.command(
                            b64("tim " + hmacMd5("tanstaaftanstaaf", challenge).toUpperCase())))
                    .isEqualTo(
                            "501 5.5.2 AUTH CRAM-MD5 response must be the user name, a space and 32 lower-case hex digits (RFC 2195)");
            challenge(c);
            assertThat(c.command("not base64!"))
                    .isEqualTo("501 5.5.2 Cannot decode AUTH CRAM-MD5 response (not base64)");
            challenge(c);
            assertThat(c.command("*")).isEqualTo("501 5.7.0 Authentication cancelled");
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
    }
}
