package dev.smtpunit.junit5;

import dev.smtpunit.SmtpServerOptions;

/**
 * Sets options that {@link SmtpServer} has no attribute for. Implementations need a no-argument
 * constructor.
 *
 * <pre>{@code
 * public class RelayRules implements SmtpServerConfigurer {
 *     public void configure(SmtpServerOptions.Builder options) {
 *         options.acceptedDomains("example.com").maxConnections(4);
 *     }
 * }
 * @SmtpServer(configurer = RelayRules.class)
 * }</pre>
 */
@FunctionalInterface
public interface SmtpServerConfigurer {

    /**
     * Changes the options; runs after the annotation's attributes were applied.
     *
     * @param options the builder
     */
    void configure(SmtpServerOptions.Builder options);

    /** The default: changes nothing. */
    final class None implements SmtpServerConfigurer {
        /** Creates the no-op configurer. */
        public None() {}

        @Override
        public void configure(SmtpServerOptions.Builder options) {}
    }
}
