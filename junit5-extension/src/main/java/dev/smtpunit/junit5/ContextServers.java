package dev.smtpunit.junit5;

import dev.smtpunit.junit5.internal.ContextServerProvider;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Servers that an application context (Spring's) started for the test: asks the
 * {@link ContextServerProvider}s on the class path, found once per test run.
 */
final class ContextServers {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContextServers.class);

    private ContextServers() {}

    /** {@return the context's server as a registry entry, or null when no framework started one} */
    static ServerRegistry.Entry find(ExtensionContext context) {
        for (ContextServerProvider provider : providers(context)) {
            Optional<ContextServerProvider.ContextServer> found = provider.find(context);
            if (found.isPresent()) {
                ContextServerProvider.ContextServer s = found.get();
                return new ServerRegistry.Entry(
                        s.config().name(), s.server(), s.config(), s.origin(), true, s.providerApis());
            }
        }
        return null;
    }

    /** Fails when an element asks for the context's server under other settings than the context was made with. */
    static void checkSameSettings(ServerRegistry.Entry contextServer, SmtpServer elementConfig, String origin) {
        if (elementConfig != null && !elementConfig.equals(contextServer.config())) {
            throw new ExtensionConfigurationException("@SmtpServer on " + origin + " asks for other settings than "
                    + contextServer.origin() + ", which the application's mail properties point at; put the settings"
                    + " on the class annotation, or give this one another name() for a separate server"
                    + " that the application does not know");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ContextServerProvider> providers(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        ContextServerProvider.class,
                        k ->
                                ServiceLoader.load(
                                                ContextServerProvider.class, SmtpServerExtension.class.getClassLoader())
                                        .stream()
                                        .map(ServiceLoader.Provider::get)
                                        .toList(),
                        List.class);
    }
}
