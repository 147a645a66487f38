package dev.smtpunit.junit5.internal;

import dev.smtpunit.internal.AuthRules;
import dev.smtpunit.junit5.SmtpServer;

import java.util.List;

/** Says in the annotation's own terms which AUTH rule ({@link AuthRules}) its attributes break. */
final class AuthHints {
    private AuthHints() {}

    /**
     * @param a the annotation (without a configurer, which could have changed the picture)
     * @param where the annotated element
     * @return the message, or null when the AUTH attributes are not the problem (or the builder's own
     *     message says it as well)
     */
    static String of(SmtpServer a, String where) {
        boolean acceptAny = a.acceptAnyCredentials();
        boolean hasUsers = a.users().length > 0;
        AuthRules.Broken broken = AuthRules.check(
                a.authMechanisms().length == 0 ? null : List.of(a.authMechanisms()),
                acceptAny,
                !acceptAny && !hasUsers,
                hasUsers,
                a.tokens().length > 0);
        if (broken == null) {
            return null;
        }
        String on = " on " + where;
        return switch (broken.rule()) {
            case TOKEN_MECHANISM_WITHOUT_TOKEN_CHECK ->
                "@SmtpServer(authMechanisms = " + broken.mechanism() + ")" + on
                        + " needs tokens = \"user:token\" (or a configurer that calls tokenCheck(...))";
            case CRAM_MD5_WITH_ACCEPT_ANY ->
                "@SmtpServer(authMechanisms = CRAM_MD5)" + on
                        + " cannot work with acceptAnyCredentials = true: CRAM-MD5 needs the password; use users = \"name:password\"";
            case PASSWORD_MECHANISM_WITHOUT_CREDENTIALS ->
                "@SmtpServer(authMechanisms = " + broken.mechanism() + ")" + on + " needs users = \"name:password\"";
            case TOKEN_CHECK_WITHOUT_TOKEN_MECHANISM ->
                "@SmtpServer(tokens = ...)" + on + " needs authMechanisms = XOAUTH2 (or OAUTHBEARER) as well";
            case CREDENTIALS_WITHOUT_PASSWORD_MECHANISM -> null;
        };
    }
}
