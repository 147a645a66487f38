package dev.smtpunit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which mechanisms are offered, and AUTH settings that cannot work together. */
class AuthOptionsTest {

    @Test
    void offersPlainAndLoginByDefaultAndNothingWithoutUsers() {
        assertThat(SmtpServerOptions.builder().user("app", "pw").build().authMechanisms())
                .containsExactly(AuthMechanism.PLAIN, AuthMechanism.LOGIN);
        assertThat(SmtpServerOptions.builder().acceptAnyCredentials().build().authMechanisms())
                .containsExactly(AuthMechanism.PLAIN, AuthMechanism.LOGIN);
        assertThat(SmtpServerOptions.defaults().authMechanisms()).isEmpty();
        assertThat(SmtpServerOptions.defaults().authMode()).isEqualTo(SmtpServerOptions.AuthMode.OFF);
    }

    @Test
    void offersTokenMechanismsWithoutPasswords() {
        SmtpServerOptions options = SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.XOAUTH2)
                .acceptToken("ada", "t1")
                .acceptToken("ada", "t2")
                .build();
        assertThat(options.authMechanisms()).containsExactly(AuthMechanism.XOAUTH2);
        assertThat(options.authMode()).isEqualTo(SmtpServerOptions.AuthMode.USERS);
        assertThat(options.tokenCheck()).hasValueSatisfying(check -> {
            assertThat(check.test("ada", "t2")).isTrue();
            assertThat(check.test("ada", "t3")).isFalse();
            assertThat(check.test("bob", "t1")).isFalse();
        });
        SmtpServerOptions copy = options.toBuilder().build();
        assertThat(copy.authMechanisms()).containsExactly(AuthMechanism.XOAUTH2);
        assertThat(copy.tokens()).containsEntry("ada", java.util.Set.of("t1", "t2"));
        assertThatThrownBy(() -> options.toBuilder()
                        .authMechanisms(AuthMechanism.XOAUTH2, AuthMechanism.PLAIN)
                        .build())
                .as("a token check alone does not make PLAIN possible")
                .hasMessage("authMechanisms(PLAIN) needs user(name, password)" + " or acceptAnyCredentials()");
    }

    @Test
    void refusesTokenMechanismsWithoutATokenCheck() {
        assertThatThrownBy(() -> SmtpServerOptions.builder()
                        .authMechanisms(AuthMechanism.XOAUTH2)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "authMechanisms(XOAUTH2) needs a token check: acceptToken(user, token) or tokenCheck((user, token) -> ...)");
        assertThatThrownBy(() -> SmtpServerOptions.builder()
                        .acceptAnyCredentials()
                        .authMechanisms(AuthMechanism.PLAIN, AuthMechanism.OAUTHBEARER)
                        .build())
                .hasMessage(
                        "authMechanisms(OAUTHBEARER) needs a token check: acceptToken(user, token) or tokenCheck((user, token) -> ...)");
    }

    @Test
    void refusesCramMd5WithoutKnownPasswords() {
        assertThatThrownBy(() -> SmtpServerOptions.builder()
                        .acceptAnyCredentials()
                        .authMechanisms(AuthMechanism.CRAM_MD5)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "authMechanisms(CRAM_MD5) cannot work with acceptAnyCredentials(): CRAM-MD5 proves the password"
                                + " without sending it, so the server must know it; use user(name, password) instead");
        assertThatThrownBy(() -> SmtpServerOptions.builder()
                        .authMechanisms(AuthMechanism.CRAM_MD5)
                        .build())
                .hasMessage("authMechanisms(CRAM_MD5) needs user(name, password)");
        assertThatThrownBy(() -> SmtpServerOptions.builder()
                        .authMechanisms(AuthMechanism.PLAIN)
                        .build())
                .hasMessage("authMechanisms(PLAIN) needs user(name, password) or acceptAnyCredentials()");
    }

    @Test
    void refusesSettingsThatWouldBeIgnored() {
        assertThatThrownBy(() ->
                        SmtpServerOptions.builder().acceptToken("ada", "t").build())
                .hasMessage(
                        "acceptToken(...)/tokenCheck(...) was set but no token mechanism is offered:"
                                + " add authMechanisms(AuthMechanism.XOAUTH2) (or OAUTHBEARER); the default offers only PLAIN and LOGIN");
        assertThatThrownBy(() -> SmtpServerOptions.builder()
                        .user("app", "pw")
                        .acceptToken("app", "t")
                        .authMechanisms(AuthMechanism.PLAIN)
                        .build())
                .hasMessage(
                        "acceptToken(...)/tokenCheck(...) was set but authMechanisms[PLAIN] offers no token mechanism:"
                                + " add AuthMechanism.XOAUTH2 or OAUTHBEARER");
        assertThatThrownBy(() -> SmtpServerOptions.builder()
                        .user("app", "pw")
                        .acceptToken("app", "t")
                        .authMechanisms(AuthMechanism.XOAUTH2)
                        .build())
                .hasMessage("user(...) was set but authMechanisms[XOAUTH2] offers no password mechanism:"
                        + " add AuthMechanism.PLAIN, LOGIN or CRAM_MD5");
        assertThatThrownBy(() ->
                        SmtpServerOptions.builder().acceptToken("app", "t").tokenCheck((u, t) -> true))
                .hasMessage("acceptToken(...) was set for [app]: tokenCheck(predicate) would ignore it");
        assertThatThrownBy(() -> SmtpServerOptions.builder().authMechanisms())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
