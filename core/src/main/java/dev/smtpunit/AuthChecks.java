package dev.smtpunit;

import dev.smtpunit.SmtpServerOptions.AuthMode;
import dev.smtpunit.internal.AuthRules;

import java.util.List;

/** The AUTH settings that contradict each other ({@link AuthRules}), refused with the builder options to change. */
final class AuthChecks {
    private AuthChecks() {}

    /**
     * Checks the AUTH settings together.
     *
     * @param chosen the mechanisms given to {@code authMechanisms(...)}, or null when none were chosen
     * @param mode how passwords are judged
     * @param hasUsers whether {@code user(...)} was called
     * @param hasTokenCheck whether {@code acceptToken(...)} or {@code tokenCheck(...)} was called
     * @throws IllegalStateException naming the option at fault and the fix
     */
    static void check(List<AuthMechanism> chosen, AuthMode mode, boolean hasUsers, boolean hasTokenCheck) {
        AuthRules.Broken broken =
                AuthRules.check(chosen, mode == AuthMode.ACCEPT_ANY, mode == AuthMode.OFF, hasUsers, hasTokenCheck);
        if (broken != null) {
            throw new IllegalStateException(message(broken, chosen, hasUsers));
        }
    }

    private static String message(AuthRules.Broken broken, List<AuthMechanism> chosen, boolean hasUsers) {
        AuthMechanism m = broken.mechanism();
        return switch (broken.rule()) {
            case TOKEN_CHECK_WITHOUT_TOKEN_MECHANISM ->
                chosen == null
                        ? "acceptToken(...)/tokenCheck(...) was set but no token mechanism is offered:"
                                + " add authMechanisms(AuthMechanism.XOAUTH2) (or OAUTHBEARER); the default offers only PLAIN and LOGIN"
                        : "acceptToken(...)/tokenCheck(...) was set but authMechanisms" + chosen
                                + " offers no token mechanism: add AuthMechanism.XOAUTH2 or OAUTHBEARER";
            case TOKEN_MECHANISM_WITHOUT_TOKEN_CHECK ->
                "authMechanisms(" + m + ") needs a token check:"
                        + " acceptToken(user, token) or tokenCheck((user, token) -> ...)";
            case CRAM_MD5_WITH_ACCEPT_ANY ->
                "authMechanisms(CRAM_MD5) cannot work with acceptAnyCredentials():"
                        + " CRAM-MD5 proves the password without sending it, so the server must know it;"
                        + " use user(name, password) instead";
            case PASSWORD_MECHANISM_WITHOUT_CREDENTIALS ->
                "authMechanisms(" + m + ") needs user(name, password)"
                        + (m == AuthMechanism.CRAM_MD5 ? "" : " or acceptAnyCredentials()");
            case CREDENTIALS_WITHOUT_PASSWORD_MECHANISM ->
                (hasUsers ? "user(...)" : "acceptAnyCredentials()")
                        + " was set but authMechanisms" + chosen
                        + " offers no password mechanism: add AuthMechanism.PLAIN, LOGIN or CRAM_MD5";
        };
    }
}
