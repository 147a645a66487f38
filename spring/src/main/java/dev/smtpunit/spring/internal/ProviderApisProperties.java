package dev.smtpunit.spring.internal;

import dev.smtpunit.Provider;
import org.springframework.core.env.PropertySource;

/**
 * The addresses of the context's provider APIs as properties, for clients an application builds from
 * its own properties ({@code mailgun.base-url=${smtpunit.provider-apis.url}} in a test's properties):
 * {@value #URL} is the plain-HTTP base URL ({@code http://127.0.0.1:PORT}, one for every provider) and
 * {@value #HOST_AND_PORT} its {@code 127.0.0.1:PORT}. The APIs start at the first lookup of either;
 * other names are not answered here and start nothing.
 */
final class ProviderApisProperties extends PropertySource<ContextProviderApis> {
    /** The name of the property source. */
    static final String NAME = "smtpunitProviderApis";
    /** The plain-HTTP base URL of the APIs. */
    static final String URL = "smtpunit.provider-apis.url";
    /** The plain port's host and port. */
    static final String HOST_AND_PORT = "smtpunit.provider-apis.host-and-port";

    ProviderApisProperties(ContextProviderApis apis) {
        super(NAME, apis);
    }

    @Override
    public Object getProperty(String name) {
        if (URL.equals(name)) {
            // the same URL serves every provider
            return getSource().started().baseUrl(Provider.SENDGRID);
        }
        if (HOST_AND_PORT.equals(name)) {
            return getSource().started().hostAndPort();
        }
        return null;
    }
}
