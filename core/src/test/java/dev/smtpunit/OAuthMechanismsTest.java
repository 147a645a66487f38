package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** XOAUTH2 and OAUTHBEARER over a raw socket: exact replies for success, refusal, continuation and cancel. */
class OAuthMechanismsTest {
    private static final String XOAUTH2_ERROR = "334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIn0=";
    private static final String OAUTHBEARER_ERROR = "334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NoZW1lcyI6ImJlYXJlciJ9";

    private MockSmtpServer smtp;
    private RawClient client;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String xoauth2(String user, String token) {
        return b64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    private static String oauthBearer(String user, String token) {
        return b64("n,a=" + user + ",\u0001host=localhost\u0001port=587\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    @BeforeEach
    void start() throws Exception {
        smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.XOAUTH2, AuthMechanism.OAUTHBEARER)
                .acceptToken("ada@example.com", "ya29.fresh")
                .build());
        client = RawClient.connect(smtp.host(), smtp.port());
        client.reply();
        assertThat(client.command("EHLO x")).endsWith("\n250 AUTH XOAUTH2 OAUTHBEARER");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        smtp.close();
    }

    @Test
    void decodesTheJsonErrorChallenges() {
        assertThat(new String(Base64.getDecoder().decode(XOAUTH2_ERROR.substring(4)), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"400\",\"schemes\":\"Bearer\"}");
        assertThat(new String(Base64.getDecoder().decode(OAUTHBEARER_ERROR.substring(4)), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"invalid_token\",\"schemes\":\"bearer\"}");
    }

    @Test
    void acceptsXoauth2TokenInTheInitialResponseAndRecordsTheMechanism() throws Exception {
        assertThat(client.command("AUTH XOAUTH2 " + xoauth2("ada@example.com", "ya29.fresh")))
                .isEqualTo("235 2.7.0 Authentication successful");
        sendMessage();

        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(mail.envelope().authenticatedUser()).contains("ada@example.com");
        assertThat(mail.envelope().authMechanism()).contains(AuthMechanism.XOAUTH2);
        assertThat(smtp.transcript().toString())
                .contains("C: AUTH XOAUTH2 *** (masked)")
                .doesNotContain("ya29")
                .doesNotContain(xoauth2("ada@example.com", "ya29.fresh"));
    }

    @Test
    void refusesAnXoauth2TokenWithAJsonChallengeThenAnEmptyLineGets535() throws Exception {
        assertThat(client.command("AUTH XOAUTH2 " + xoauth2("ada@example.com", "ya29.expired")))
                .isEqualTo(XOAUTH2_ERROR);
        assertThat(client.command("")).isEqualTo("535 5.7.8 Authentication credentials invalid");
        assertThat(client.command("AUTH XOAUTH2 " + xoauth2("ada@example.com", "ya29.fresh")))
                .as("the refreshed token")
                .isEqualTo("235 2.7.0 Authentication successful");

        assertThat(smtp.transcript().authAttempts())
                .extracting(AuthAttempt::outcome)
                .containsExactly(AuthAttempt.Outcome.REFUSED, AuthAttempt.Outcome.ACCEPTED);
        assertThat(smtp.transcript().commands())
                .as("the empty answer to the challenge is no command")
                .containsExactly(SmtpPhase.EHLO, SmtpPhase.AUTH, SmtpPhase.AUTH);
    }

    @Test
    void takesTheXoauth2ResponseAfterAnEmptyChallenge() throws Exception {
        assertThat(client.command("AUTH XOAUTH2")).isEqualTo("334 ");
        assertThat(client.command(xoauth2("ada@example.com", "ya29.fresh")))
                .isEqualTo("235 2.7.0 Authentication successful");
        assertThat(smtp.transcript().session(1).exchanges())
                .extracting(TranscriptEntry.Exchange::clientLine)
                .containsExactly(null, "EHLO x", "AUTH XOAUTH2", "*** (masked)");
    }

    @Test
    void refusesATokenOfAnotherUser() throws Exception {
        assertThat(client.command("AUTH XOAUTH2 " + xoauth2("bob@example.com", "ya29.fresh")))
                .isEqualTo(XOAUTH2_ERROR);
        assertThat(client.command("")).isEqualTo("535 5.7.8 Authentication credentials invalid");
    }

    @Test
    void cancelsWithAStarAfterTheChallenge() throws Exception {
        assertThat(client.command("AUTH XOAUTH2")).isEqualTo("334 ");
        assertThat(client.command("*")).isEqualTo("501 5.7.0 Authentication cancelled");
        assertThat(client.command("AUTH XOAUTH2 " + xoauth2("ada@example.com", "ya29.expired")))
                .isEqualTo(XOAUTH2_ERROR);
        assertThat(client.command("*"))
                .as("cancel after the error challenge")
                .isEqualTo("501 5.7.0 Authentication cancelled");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 OK");
        assertThat(smtp.transcript().authAttempts())
                .extracting(AuthAttempt::outcome)
                .containsExactly(AuthAttempt.Outcome.CANCELLED, AuthAttempt.Outcome.CANCELLED);
    }

    @Test
    void wantsAnEmptyLineAfterTheXoauth2ErrorChallenge() throws Exception {
        assertThat(client.command("AUTH XOAUTH2 " + xoauth2("ada@example.com", "ya29.expired")))
                .isEqualTo(XOAUTH2_ERROR);
        assertThat(client.command(xoauth2("ada@example.com", "ya29.fresh")))
                .isEqualTo("501 5.5.2 After the XOAUTH2 error challenge the client must send an empty line");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 OK");
    }

    @Test
    void refusesMalformedXoauth2Responses() throws Exception {
        assertThat(client.command("AUTH XOAUTH2 " + b64("user=ada@example.com\u0001auth=Bearer ya29.fresh\u0001")))
                .isEqualTo(
                        "501 5.5.2 AUTH XOAUTH2 response must be user=<user>^Aauth=Bearer <token>^A^A (it does not end with ^A^A)");
        assertThat(client.command("AUTH XOAUTH2 " + b64("user=ada@example.com\u0001auth=Basic YWRhOnB3\u0001\u0001")))
                .isEqualTo("501 5.5.2 AUTH XOAUTH2 response has auth=Basic ... where auth=Bearer <token> was expected");
        assertThat(client.command("AUTH XOAUTH2 " + b64("auth=Bearer ya29.fresh\u0001\u0001")))
                .isEqualTo("501 5.5.2 AUTH XOAUTH2 response has no user=<user>");
        assertThat(client.command("AUTH XOAUTH2 %%%"))
                .isEqualTo("501 5.5.2 Cannot decode AUTH XOAUTH2 response (not base64)");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 OK");
    }

    @Test
    void acceptsOauthBearerWithGs2HeaderHostAndPort() throws Exception {
        assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("ada@example.com", "ya29.fresh")))
                .isEqualTo("235 2.7.0 Authentication successful");
        sendMessage();
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(mail.envelope().authMechanism()).contains(AuthMechanism.OAUTHBEARER);
        assertThat(mail.envelope().authenticatedUser()).contains("ada@example.com");
    }

    @Test
    void refusesAnOauthBearerTokenAsRfc7628Describes() throws Exception {
        assertThat(client.command("AUTH OAUTHBEARER")).isEqualTo("334 ");
        assertThat(client.command(oauthBearer("ada@example.com", "ya29.expired")))
                .isEqualTo(OAUTHBEARER_ERROR);
        assertThat(client.command("AQ==")).isEqualTo("535 5.7.8 Authentication credentials invalid");
        assertThat(smtp.transcript().session(1).exchanges())
                .extracting(TranscriptEntry.Exchange::clientLine)
                .containsExactly(null, "EHLO x", "AUTH OAUTHBEARER", "*** (masked)", "AQ==");
        assertThat(smtp.transcript().commands()).containsExactly(SmtpPhase.EHLO, SmtpPhase.AUTH);
    }

    @Test
    void wantsControlAOnlyAfterTheOauthBearerErrorChallenge() throws Exception {
        assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("ada@example.com", "ya29.expired")))
                .isEqualTo(OAUTHBEARER_ERROR);
        assertThat(client.command(""))
                .isEqualTo(
                        "501 5.5.2 After the OAUTHBEARER error challenge the client must send %x01 (AQ==), RFC 7628 section 3.2.3");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 OK");
    }

    @Test
    void refusesMalformedOauthBearerResponses() throws Exception {
        assertThat(client.command(
                        "AUTH OAUTHBEARER " + b64("p=tls-unique,a=ada@example.com,\u0001auth=Bearer t\u0001\u0001")))
                .isEqualTo(
                        "501 5.5.2 AUTH OAUTHBEARER response asks for channel binding, which OAUTHBEARER does not support"
                                + " (RFC 7628 section 3.1)");
        assertThat(client.command("AUTH OAUTHBEARER " + b64("n,,\u0001auth=Bearer ya29.fresh\u0001\u0001")))
                .isEqualTo(
                        "501 5.5.2 AUTH OAUTHBEARER response has no authorization identity (a=<user>) in its GS2 header;"
                                + " SmtpUnit needs it to judge the token");
        assertThat(client.command("AUTH OAUTHBEARER "
                        + b64("n,a=ada@example.com,\u0001port=smtp\u0001auth=Bearer t\u0001\u0001")))
                .isEqualTo("501 5.5.2 AUTH OAUTHBEARER response has port=smtp, which is not a port number");
        assertThat(client.command("AUTH OAUTHBEARER " + b64("n,a=ada@example.com,auth=Bearer t\u0001\u0001")))
                .isEqualTo("501 5.5.2 AUTH OAUTHBEARER response has a malformed GS2 header (expected n,a=<user>,)");
        assertThat(client.command("NOOP")).isEqualTo("250 2.0.0 OK");
    }

    @Test
    void decodesEscapedCommasInTheOauthBearerUser() throws Exception {
        try (MockSmtpServer other = MockSmtpServer.started(SmtpServerOptions.builder()
                        .authMechanisms(AuthMechanism.OAUTHBEARER)
                        .acceptToken("a,b=c", "t1")
                        .build());
                RawClient c = RawClient.connect(other.host(), other.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH OAUTHBEARER " + b64("n,a=a=2Cb=3Dc,\u0001auth=Bearer t1\u0001\u0001")))
                    .isEqualTo("235 2.7.0 Authentication successful");
        }
    }

    @Test
    void answersUnofferedMechanismsWith504() throws Exception {
        assertThat(client.command("AUTH PLAIN " + b64("\0ada\0pw")))
                .isEqualTo("504 5.5.4 Unrecognized authentication type PLAIN (offered: XOAUTH2 OAUTHBEARER)");
    }

    @Test
    void endsTheExchangeWhenAContinuationLineBreaksTheRules() throws Exception {
        assertThat(client.command("AUTH XOAUTH2")).isEqualTo("334 ");
        client.sendRaw(xoauth2("ada@example.com", "ya29.fresh") + "\n");
        assertThat(client.reply()).startsWith("500 5.5.2 Syntax error: bare <LF> received");
        assertThat(client.command("NOOP"))
                .as("the next line is a command again")
                .isEqualTo("250 2.0.0 OK");
        assertThat(smtp.transcript().toString()).doesNotContain("ya29");
    }

    @Test
    void endsTheExchangeWhenAContinuationLineIsTooLong() throws Exception {
        assertThat(client.command("AUTH XOAUTH2")).isEqualTo("334 ");
        assertThat(client.command("A".repeat(20_000))).startsWith("500 5.5.2 Error: line too long");
        assertThat(client.command("NOOP"))
                .as("the next line is a command again")
                .isEqualTo("250 2.0.0 OK");
        assertThat(smtp.transcript().authAttempts())
                .extracting(AuthAttempt::outcome)
                .containsExactly(AuthAttempt.Outcome.REFUSED);
    }

    @Test
    void letsATokenCheckScriptAnExpiredTokenAndReportsAThrowingCheckAs454() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MockSmtpServer other = MockSmtpServer.started(SmtpServerOptions.builder()
                        .authMechanisms(AuthMechanism.XOAUTH2)
                        .tokenCheck((user, token) -> {
                            seen.add(user + " " + token);
                            if (token.equals("boom")) {
                                throw new IllegalStateException("token service down");
                            }
                            return !token.startsWith("expired-");
                        })
                        .build());
                RawClient c = RawClient.connect(other.host(), other.port())) {
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("AUTH XOAUTH2 " + xoauth2("ada", "expired-1"))).isEqualTo(XOAUTH2_ERROR);
            assertThat(c.command("")).isEqualTo("535 5.7.8 Authentication credentials invalid");
            assertThat(c.command("AUTH XOAUTH2 " + xoauth2("ada", "boom")))
                    .isEqualTo(
                            "454 4.7.0 Temporary authentication failure (the token check threw java.lang.IllegalStateException: token service down)");
            assertThat(c.command("AUTH XOAUTH2 " + xoauth2("ada", "fresh-2")))
                    .isEqualTo("235 2.7.0 Authentication successful");
            assertThat(seen).containsExactly("ada expired-1", "ada boom", "ada fresh-2");
        }
    }

    private void sendMessage() throws Exception {
        assertThat(client.command("MAIL FROM:<ada@example.com>")).startsWith("250 ");
        assertThat(client.command("RCPT TO:<bob@example.com>")).startsWith("250 ");
        assertThat(client.command("DATA")).startsWith("354 ");
        assertThat(client.command("Subject: hi\r\n\r\nhello\r\n.")).startsWith("250 ");
    }
}
