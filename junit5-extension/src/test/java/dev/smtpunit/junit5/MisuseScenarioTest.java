package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.MisuseFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Event;

import static org.assertj.core.api.Assertions.assertThat;

/** Each misuse fails the test with a message that names the attribute or field and the fix. */
class MisuseScenarioTest {

    static java.util.stream.Stream<Arguments> misuses() {
        return java.util.stream.Stream.of(
                Arguments.of(
                        MisuseFixtures.FinalField.class,
                        "@SmtpServer field 'smtp' in FinalField must not be final: the extension assigns it"),
                Arguments.of(
                        MisuseFixtures.WrongType.class,
                        "@SmtpServer field 'smtp' in WrongType must be of type MockSmtpServer, but is String"),
                Arguments.of(
                        MisuseFixtures.UserWithoutPassword.class,
                        "@SmtpServer(users = \"app\") on parameter #1 of test(): each user must be \"name:password\","
                                + " for example users = \"app:secret\""),
                Arguments.of(
                        MisuseFixtures.NegativePort.class,
                        "@SmtpServer(port) on parameter #1 of test(): port must be 0 (a free port) or 1 to 65535, was -1"),
                Arguments.of(
                        MisuseFixtures.AuthRequiredWithoutUsers.class,
                        "@SmtpServer(requireAuth = true) on parameter #1 of test() needs users = \"name:password\""
                                + " or acceptAnyCredentials = true"),
                Arguments.of(
                        MisuseFixtures.FaultWithoutEffect.class,
                        "@SmtpFault(on = RCPT) on FaultWithoutEffect.test has no effect: set reply (with text), close, stall"
                                + " or delayMillis"),
                Arguments.of(
                        MisuseFixtures.TokenMechanismWithoutTokens.class,
                        "@SmtpServer(authMechanisms = XOAUTH2) on parameter #1 of test() needs tokens = \"user:token\""
                                + " (or a configurer that calls tokenCheck(...))"),
                Arguments.of(
                        MisuseFixtures.CramMd5AcceptingAnyCredentials.class,
                        "@SmtpServer(authMechanisms = CRAM_MD5) on parameter #1 of test() cannot work with"
                                + " acceptAnyCredentials = true: CRAM-MD5 needs the password; use users = \"name:password\""),
                Arguments.of(
                        MisuseFixtures.TokensWithoutTokenMechanism.class,
                        "@SmtpServer(tokens = ...) on parameter #1 of test() needs authMechanisms = XOAUTH2 (or OAUTHBEARER)"
                                + " as well"),
                Arguments.of(
                        MisuseFixtures.TokenWithoutUser.class,
                        "@SmtpServer(tokens = \"ya29.t\") on parameter #1 of test(): each token must be \"user:token\","
                                + " for example tokens = \"ada@example.com:ya29.token\""),
                Arguments.of(
                        MisuseFixtures.ConstructorInjection.class,
                        "MockSmtpServer cannot be injected into the constructor of ConstructorInjection: take it as a test or"
                                + " lifecycle method parameter, or annotate a field with @SmtpServer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void failsWithAnExactMessage(Class<?> fixture, String message) {
        var results = Fixtures.run(fixture);
        var failures = results.allEvents().failed().list();
        assertThat(failures).isNotEmpty();
        Event first = failures.get(0);
        Throwable t = first.getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertThat(t)
                .hasMessage(message)
                .as("reported once, not again as a cause")
                .hasNoCause();
    }
}
