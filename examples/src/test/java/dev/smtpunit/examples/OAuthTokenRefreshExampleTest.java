package dev.smtpunit.examples;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import jakarta.mail.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.smtpunit.AuthAttempt.Outcome.ACCEPTED;
import static dev.smtpunit.AuthAttempt.Outcome.REFUSED;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Example: a mailer that signs in with an OAuth token (XOAUTH2) refreshes it once when the server refuses it. */
@SmtpServer(authMechanisms = AuthMechanism.XOAUTH2, tokens = "reports@app.example:ya29.fresh")
class OAuthTokenRefreshExampleTest {

    /** A token source whose cached token has expired; it remembers how often it was asked to refresh. */
    static final class ScriptedTokens implements OAuthMailer.AccessTokens {
        private final String cached;
        private final String refreshed;
        final List<String> refreshes = new ArrayList<>();

        ScriptedTokens(String cached, String refreshed) {
            this.cached = cached;
            this.refreshed = refreshed;
        }

        @Override
        public String current() {
            return cached;
        }

        @Override
        public String refresh() {
            refreshes.add(refreshed);
            return refreshed;
        }
    }

    @Test
    void refreshesAnExpiredTokenAndSends(MockSmtpServer smtp) throws Exception {
        ScriptedTokens tokens = new ScriptedTokens("ya29.expired", "ya29.fresh");

        new OAuthMailer(smtp.properties(), "reports@app.example", tokens)
                .send("ada@example.com", "Weekly report", "All green.");

        assertThat(tokens.refreshes).hasSize(1);
        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .wasAuthenticatedWith(AuthMechanism.XOAUTH2)
                .wasAuthenticatedAs("reports@app.example");
        assertThat(smtp.transcript()).hasAuthAttempts(REFUSED, ACCEPTED).usedAuthMechanism(AuthMechanism.XOAUTH2);
    }

    @Test
    void givesUpWhenTheRefreshedTokenIsRefusedToo(MockSmtpServer smtp) {
        ScriptedTokens tokens = new ScriptedTokens("ya29.expired", "ya29.revoked");

        assertThatThrownBy(() -> new OAuthMailer(smtp.properties(), "reports@app.example", tokens)
                        .send("ada@example.com", "Weekly report", "All green."))
                .isInstanceOf(AuthenticationFailedException.class);

        assertThat(tokens.refreshes).as("retries once, not in a loop").hasSize(1);
        assertThat(smtp.transcript()).hasAuthAttempts(REFUSED, REFUSED);
        assertThat(smtp.mailbox()).hasMessageCount(0);
    }
}
