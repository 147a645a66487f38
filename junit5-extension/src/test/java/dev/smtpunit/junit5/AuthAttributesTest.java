package dev.smtpunit.junit5;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.junit5.internal.AnnotationOptions;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The AUTH attributes of {@link SmtpServer} become the matching options. */
class AuthAttributesTest {

    @SmtpServer(
            authMechanisms = {AuthMechanism.XOAUTH2, AuthMechanism.CRAM_MD5, AuthMechanism.PLAIN},
            users = "tim:tanstaaf",
            tokens = {"ada@example.com:ya29.a", "ada@example.com:ya29.b"})
    static class Configured {}

    @SmtpServer(users = "app:pw")
    static class Defaults {}

    private static SmtpServerOptions options(Class<?> type) {
        return AnnotationOptions.of(type.getAnnotation(SmtpServer.class), type.getSimpleName());
    }

    @Test
    void offersTheChosenMechanismsWithTheirTokens() {
        SmtpServerOptions options = options(Configured.class);
        assertThat(options.authMechanisms())
                .containsExactly(AuthMechanism.XOAUTH2, AuthMechanism.CRAM_MD5, AuthMechanism.PLAIN);
        assertThat(options.tokens())
                .containsExactlyEntriesOf(java.util.Map.of("ada@example.com", Set.of("ya29.a", "ya29.b")));
        assertThat(options.users()).containsEntry("tim", "tanstaaf");
    }

    @Test
    void keepsPlainAndLoginAsTheDefault() {
        assertThat(options(Defaults.class).authMechanisms()).containsExactly(AuthMechanism.PLAIN, AuthMechanism.LOGIN);
    }
}
