package dev.smtpunit.junit5.internal;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.junit5.SmtpServer;

import java.util.Arrays;

/** Says in the annotation's own terms why its AUTH attributes cannot work together. */
final class AuthHints {
    private AuthHints() {}

    /**
     * @param a the annotation (without a configurer, which could have changed the picture)
     * @param where the annotated element
     * @return the message, or null when the AUTH attributes are not the problem
     */
    static String of(SmtpServer a, String where) {
        String on = " on " + where;
        for (AuthMechanism m : a.authMechanisms()) {
            if (m.usesToken() && a.tokens().length == 0) {
                return "@SmtpServer(authMechanisms = " + m + ")" + on + " needs tokens = \"user:token\""
                        + " (or a configurer that calls tokenCheck(...))";
            }
            if (m == AuthMechanism.CRAM_MD5 && a.acceptAnyCredentials()) {
                return "@SmtpServer(authMechanisms = CRAM_MD5)" + on + " cannot work with acceptAnyCredentials = true:"
                        + " CRAM-MD5 needs the password; use users = \"name:password\"";
            }
            if (!m.usesToken() && a.users().length == 0 && !a.acceptAnyCredentials()) {
                return "@SmtpServer(authMechanisms = " + m + ")" + on + " needs users = \"name:password\"";
            }
        }
        boolean tokenMechanism = Arrays.stream(a.authMechanisms()).anyMatch(AuthMechanism::usesToken);
        if (a.tokens().length > 0 && !tokenMechanism) {
            return "@SmtpServer(tokens = ...)" + on + " needs authMechanisms = XOAUTH2 (or OAUTHBEARER) as well";
        }
        return null;
    }
}
