package dev.smtpunit.spring.internal;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.internal.AnnotationOptions;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the server of one application context, registers it as a bean that is closed with the
 * context, and puts its {@code spring.mail.*} properties first in the environment. Equal customizers
 * (same {@code @SmtpServer} settings) give equal context cache keys, so test classes with the same
 * settings share one context and one server.
 *
 * <p>Beside the server, the context owns provider HTTP APIs ({@link ContextProviderApis}), started
 * when a client first needs them: with SendGrid's SDK on the class path, {@link SendGridRedirect}
 * points the context's {@code SendGrid} beans at them, and {@link ProviderApisProperties} names their
 * address for clients built from properties.
 *
 * <p>The server is a plain singleton, not a {@code Lifecycle} bean: when Spring Framework 7 pauses a
 * cached context and restarts it later, the server stays bound to its port, which is the port the
 * environment names.
 */
final class SmtpServerContextCustomizer implements ContextCustomizer {
    /** The bean name of the context's server; it can be autowired as {@code MockSmtpServer}. */
    static final String BEAN_NAME = "smtpUnitServer";

    private final SmtpServer config;
    private final String origin;

    SmtpServerContextCustomizer(SmtpServer config, String origin) {
        this.config = config;
        this.origin = origin;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        MockSmtpServer server = new MockSmtpServer(AnnotationOptions.of(config, origin)).start();
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, server);
        closeWithContext(context, beans, BEAN_NAME, server::close);
        ContextProviderApis apis = new ContextProviderApis(new MockProviderApis(server));
        beans.registerSingleton(ContextProviderApis.BEAN_NAME, apis);
        closeWithContext(context, beans, ContextProviderApis.BEAN_NAME, apis::close);
        if (SendGridRedirect.available(context.getClassLoader())) {
            beans.addBeanPostProcessor(SendGridRedirect.of(apis));
        }
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("smtpunit", SpringMailProperties.of(server, config)));
        context.getEnvironment().getPropertySources().addAfter("smtpunit", new ProviderApisProperties(apis));
    }

    private static void closeWithContext(
            ConfigurableApplicationContext context,
            ConfigurableListableBeanFactory beans,
            String name,
            Runnable close) {
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            // also runs when the refresh fails, so a context that never started frees its ports
            registry.registerDisposableBean(name, close::run);
        } else {
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    close.run();
                }
            });
        }
    }

    /** The origin only names the first test class in messages; it is not part of the cache key. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SmtpServerContextCustomizer c && config.equals(c.config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public String toString() {
        return "SmtpServerContextCustomizer[" + config + "]";
    }
}
