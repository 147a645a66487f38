package dev.smtpunit;

import dev.smtpunit.SmtpServerOptions.AuthMode;

import java.util.List;

/** The AUTH settings that contradict each other, each refused with the options to change. */
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
        if (chosen == null) {
            if (hasTokenCheck) {
                throw new IllegalStateException(
                        "acceptToken(...)/tokenCheck(...) was set but no token mechanism is offered:"
                                + " add authMechanisms(AuthMechanism.XOAUTH2) (or OAUTHBEARER); the default offers only PLAIN and LOGIN");
            }
            return;
        }
        boolean tokenMechanism = false;
        boolean passwordMechanism = false;
        for (AuthMechanism m : chosen) {
            if (m.usesToken()) {
                tokenMechanism = true;
                if (!hasTokenCheck) {
                    throw new IllegalStateException(
                            "authMechanisms(" + m + ") needs a token check: acceptToken(user, token)"
                                    + " or tokenCheck((user, token) -> ...)");
                }
            } else {
                passwordMechanism = true;
                if (m == AuthMechanism.CRAM_MD5 && mode == AuthMode.ACCEPT_ANY) {
                    throw new IllegalStateException("authMechanisms(CRAM_MD5) cannot work with acceptAnyCredentials():"
                            + " CRAM-MD5 proves the password without sending it, so the server must know it;"
                            + " use user(name, password) instead");
                }
                if (mode == AuthMode.OFF) {
                    throw new IllegalStateException("authMechanisms(" + m + ") needs user(name, password)"
                            + (m == AuthMechanism.CRAM_MD5 ? "" : " or acceptAnyCredentials()"));
                }
            }
        }
        if (hasTokenCheck && !tokenMechanism) {
            throw new IllegalStateException("acceptToken(...)/tokenCheck(...) was set but authMechanisms" + chosen
                    + " offers no token mechanism: add AuthMechanism.XOAUTH2 or OAUTHBEARER");
        }
        if ((hasUsers || mode == AuthMode.ACCEPT_ANY) && !passwordMechanism) {
            throw new IllegalStateException(
                    (hasUsers ? "user(...)" : "acceptAnyCredentials()") + " was set but authMechanisms" + chosen
                            + " offers no password mechanism: add AuthMechanism.PLAIN, LOGIN or CRAM_MD5");
        }
    }
}
