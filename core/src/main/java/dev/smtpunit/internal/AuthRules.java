package dev.smtpunit.internal;

import dev.smtpunit.AuthMechanism;

import java.util.List;

/**
 * The AUTH settings that contradict each other, stated once. The options builder words a broken
 * rule in builder terms ({@code AuthChecks}), the JUnit extension in annotation terms
 * ({@code AuthHints}); both ask this class which rule is broken.
 */
public final class AuthRules {
    private AuthRules() {}

    /** A rule of the AUTH settings. */
    public enum Rule {
        /** A token check was given, but no token mechanism (XOAUTH2, OAUTHBEARER) is offered. */
        TOKEN_CHECK_WITHOUT_TOKEN_MECHANISM,
        /** A token mechanism is offered without a token check. */
        TOKEN_MECHANISM_WITHOUT_TOKEN_CHECK,
        /** CRAM-MD5 with any credentials accepted: CRAM-MD5 needs the server to know the password. */
        CRAM_MD5_WITH_ACCEPT_ANY,
        /** A password mechanism is offered with neither users nor any credentials accepted. */
        PASSWORD_MECHANISM_WITHOUT_CREDENTIALS,
        /** Users, or any credentials, were given, but no password mechanism is offered. */
        CREDENTIALS_WITHOUT_PASSWORD_MECHANISM
    }

    /**
     * A broken rule.
     *
     * @param rule the rule
     * @param mechanism the mechanism it is about, or null
     */
    public record Broken(Rule rule, AuthMechanism mechanism) {}

    /**
     * Checks the AUTH settings together, in the order a reader would fix them.
     *
     * @param chosen the mechanisms chosen, or null when none were (the default: PLAIN and LOGIN)
     * @param acceptAny whether any user name and password is accepted
     * @param noPasswords whether passwords are judged neither against users nor by accepting any
     * @param hasUsers whether users were given
     * @param hasTokenCheck whether a token check was given
     * @return the first broken rule, or null when the settings work together
     */
    public static Broken check(
            List<AuthMechanism> chosen,
            boolean acceptAny,
            boolean noPasswords,
            boolean hasUsers,
            boolean hasTokenCheck) {
        if (chosen == null) {
            return hasTokenCheck ? new Broken(Rule.TOKEN_CHECK_WITHOUT_TOKEN_MECHANISM, null) : null;
        }
        boolean tokenMechanism = false;
        boolean passwordMechanism = false;
        for (AuthMechanism m : chosen) {
            if (m.usesToken()) {
                tokenMechanism = true;
                if (!hasTokenCheck) {
                    return new Broken(Rule.TOKEN_MECHANISM_WITHOUT_TOKEN_CHECK, m);
                }
            } else {
                passwordMechanism = true;
                if (m == AuthMechanism.CRAM_MD5 && acceptAny) {
                    return new Broken(Rule.CRAM_MD5_WITH_ACCEPT_ANY, m);
                }
                if (noPasswords) {
                    return new Broken(Rule.PASSWORD_MECHANISM_WITHOUT_CREDENTIALS, m);
                }
            }
        }
        if (hasTokenCheck && !tokenMechanism) {
            return new Broken(Rule.TOKEN_CHECK_WITHOUT_TOKEN_MECHANISM, null);
        }
        if ((hasUsers || acceptAny) && !passwordMechanism) {
            return new Broken(Rule.CREDENTIALS_WITHOUT_PASSWORD_MECHANISM, null);
        }
        return null;
    }
}
