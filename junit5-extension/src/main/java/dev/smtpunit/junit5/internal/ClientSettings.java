package dev.smtpunit.junit5.internal;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.AuthMode;
import dev.smtpunit.junit5.SmtpServer;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a framework's mail client needs to use a server, in the forms framework configuration takes
 * (strings): the credentials to log in with and the certificate to trust. Internal: shared by the
 * framework integrations (Spring, Quarkus), not part of the API.
 */
public final class ClientSettings {
    /** The user name and password used against servers that accept any credentials. */
    public static final String ANY_USER = "smtpunit";

    private ClientSettings() {}

    /**
     * The credentials a client should log in with: the first of the annotation's {@code users}, else
     * the first by name of the options' users (a configurer's), else {@value #ANY_USER} for servers
     * that accept any.
     *
     * @param server the running server
     * @param config the annotation it was made from
     * @return user name and password, or empty when the server offers no AUTH
     */
    public static Optional<Map.Entry<String, String>> credentials(MockSmtpServer server, SmtpServer config) {
        SmtpServerOptions options = server.options();
        if (options.authMode() == AuthMode.OFF) {
            return Optional.empty();
        }
        if (options.authMode() == AuthMode.ACCEPT_ANY) {
            return Optional.of(Map.entry(ANY_USER, ANY_USER));
        }
        if (config.users().length > 0) {
            String first = config.users()[0];
            int colon = first.indexOf(':');
            return Optional.of(Map.entry(first.substring(0, colon), first.substring(colon + 1)));
        }
        return Optional.of(new TreeMap<>(options.users()).firstEntry());
    }
}
