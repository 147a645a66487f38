package dev.smtpunit.junit5.internal;

import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.SmtpServerConfigurer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.lang.reflect.Constructor;

/**
 * Turns an {@link SmtpServer} annotation into options, naming the attribute at fault when one is wrong.
 * Internal: shared with the framework integrations (Spring), not part of the API.
 */
public final class AnnotationOptions {
    private AnnotationOptions() {}

    /**
     * The options an annotation asks for.
     *
     * @param a the annotation
     * @param where where it was found, for error messages ("parameter 'smtp' of sends()")
     * @return the options
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException naming the attribute and the fix
     */
    public static SmtpServerOptions of(SmtpServer a, String where) {
        SmtpServerOptions.Builder b = SmtpServerOptions.builder();
        apply(where, "port", () -> b.port(a.port()));
        apply(where, "hostname", () -> b.hostname(a.hostname()));
        b.startTls(a.startTls());
        if (a.smtps()) {
            b.implicitTls(0);
        }
        for (String user : a.users()) {
            int colon = user.indexOf(':');
            if (colon <= 0) {
                throw new ExtensionConfigurationException("@SmtpServer(users = \"" + user + "\") on " + where
                        + ": each user must be \"name:password\", for example users = \"app:secret\"");
            }
            apply(where, "users", () -> b.user(user.substring(0, colon), user.substring(colon + 1)));
        }
        if (a.acceptAnyCredentials()) {
            apply(where, "acceptAnyCredentials", b::acceptAnyCredentials);
        }
        for (String token : a.tokens()) {
            int colon = token.indexOf(':');
            if (colon <= 0 || colon == token.length() - 1) {
                throw new ExtensionConfigurationException("@SmtpServer(tokens = \"" + token + "\") on " + where
                        + ": each token must be \"user:token\", for example tokens = \"ada@example.com:ya29.token\"");
            }
            apply(where, "tokens", () -> b.acceptToken(token.substring(0, colon), token.substring(colon + 1)));
        }
        if (a.authMechanisms().length > 0) {
            b.authMechanisms(a.authMechanisms());
        }
        b.requireAuth(a.requireAuth());
        apply(where, "maxMessageSize", () -> b.maxMessageSize(a.maxMessageSize()));
        b.chunking(a.chunking());
        b.smtpUtf8(a.smtpUtf8()).dsn(a.dsn());
        apply(where, "maxRecipients", () -> b.maxRecipients(a.maxRecipients()));
        apply(where, "maxConnections", () -> b.maxConnections(a.maxConnections()));
        apply(where, "maxStoredMessages", () -> b.maxStoredMessages(a.maxStoredMessages()));
        b.lint(a.lint()).receiverProfile(a.receiverProfile());
        if (a.configurer() != SmtpServerConfigurer.None.class) {
            SmtpServerConfigurer configurer = instantiate(a.configurer(), where);
            try {
                configurer.configure(b);
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException(
                        "@SmtpServer(configurer = " + a.configurer().getSimpleName() + ".class) on " + where
                                + " failed: " + e.getMessage(),
                        e);
            }
        }
        try {
            return b.build();
        } catch (RuntimeException e) {
            String hint = a.configurer() == SmtpServerConfigurer.None.class ? AuthHints.of(a, where) : null;
            if (hint == null) {
                hint = a.requireAuth() && a.users().length == 0 && !a.acceptAnyCredentials()
                        ? "@SmtpServer(requireAuth = true) on " + where
                                + " needs users = \"name:password\" or acceptAnyCredentials = true"
                        : "@SmtpServer on " + where + ": " + e.getMessage();
            }
            throw new ExtensionConfigurationException(hint);
        }
    }

    private static void apply(String where, String attribute, Runnable setter) {
        try {
            setter.run();
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(
                    "@SmtpServer(" + attribute + ") on " + where + ": " + e.getMessage());
        }
    }

    private static SmtpServerConfigurer instantiate(Class<? extends SmtpServerConfigurer> type, String where) {
        try {
            Constructor<? extends SmtpServerConfigurer> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException(
                    "@SmtpServer(configurer = " + type.getSimpleName() + ".class) on " + where
                            + ": the configurer needs a no-argument constructor",
                    e);
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException(
                    "@SmtpServer(configurer = " + type.getSimpleName() + ".class) on " + where + ": cannot create it: "
                            + e,
                    e);
        }
    }
}
