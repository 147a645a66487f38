package dev.smtpunit.cli;

import dev.smtpunit.SmtpServerOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpUnitCliTest {

    @Test
    void turnsTheCommandLineIntoOptions() {
        SmtpUnitCli.Parsed p = SmtpUnitCli.parse(new String[] {
            "--port",
            "0",
            "--smtps-port",
            "0",
            "--hostname",
            "mx.test",
            "--starttls",
            "required",
            "--user",
            "app:se:cret",
            "--require-auth",
            "--max-size",
            "1000",
            "--chunking",
            "--transcript"
        });
        SmtpServerOptions o = p.options();
        assertThat(o.port()).isZero();
        assertThat(o.implicitTls()).isTrue();
        assertThat(o.hostname()).isEqualTo("mx.test");
        assertThat(o.startTls()).isEqualTo(SmtpServerOptions.StartTlsMode.REQUIRED);
        assertThat(o.users()).containsEntry("app", "se:cret");
        assertThat(o.authRequired()).isTrue();
        assertThat(o.maxMessageSize()).isEqualTo(1000);
        assertThat(o.chunking()).isTrue();
        assertThat(p.transcript()).isTrue();
        assertThat(p.saveDir()).isNull();
        assertThat(SmtpUnitCli.parse(new String[0]).options().port()).isEqualTo(2525);
    }

    @Test
    void namesTheOptionAtFault() {
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--port", "x"}))
                .hasMessage("--port takes a number, was x");
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--starttls", "maybe"}))
                .hasMessage("--starttls takes off, offered or required, was maybe");
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--user", "app"}))
                .hasMessage("--user takes name:password, was app");
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--frobnicate"}))
                .hasMessage("unknown option --frobnicate");
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--require-auth"}))
                .hasMessage("requireAuth(true) needs user(name, password) or acceptAnyCredentials()");
    }

    @Test
    void offersTheAuthMechanismsAndTokensGiven() {
        SmtpServerOptions o = SmtpUnitCli.parse(new String[] {
                    "--auth", "xoauth2, cram-md5", "--user", "tim:pw", "--token", "ada@example.com:ya29.a:b"
                })
                .options();
        assertThat(o.authMechanisms())
                .containsExactly(dev.smtpunit.AuthMechanism.XOAUTH2, dev.smtpunit.AuthMechanism.CRAM_MD5);
        assertThat(o.tokens()).containsEntry("ada@example.com", java.util.Set.of("ya29.a:b"));
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--auth", "plain,digest-md5"}))
                .hasMessage(
                        "--auth takes mechanisms from PLAIN,LOGIN,CRAM-MD5,XOAUTH2,OAUTHBEARER separated by commas, was plain,digest-md5");
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--token", "ya29"}))
                .hasMessage("--token takes user:token, was ya29");
    }
}
