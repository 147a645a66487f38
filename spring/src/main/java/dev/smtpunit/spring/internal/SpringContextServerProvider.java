package dev.smtpunit.spring.internal;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.internal.ContextServerProvider;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.util.Arrays;
import java.util.Optional;

/**
 * Hands the JUnit extension the server of the test's Spring application context, so that a
 * {@code MockSmtpServer} parameter or {@code @SmtpServer} field gets the server that
 * {@code spring.mail.*} point at, and a {@code MockProviderApis} parameter the context's provider APIs,
 * which its SendGrid beans point at. Found by {@link java.util.ServiceLoader}.
 */
public final class SpringContextServerProvider implements ContextServerProvider {

    /** Created by the service loader. */
    public SpringContextServerProvider() {}

    @Override
    public Optional<ContextServer> find(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isEmpty() || !runsWithSpring(testClass.get())) {
            return Optional.empty();
        }
        SmtpServer config = SmtpServerContextCustomizerFactory.configOf(testClass.get());
        if (config == null) {
            return Optional.empty();
        }
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        if (!application.containsBean(SmtpServerContextCustomizer.BEAN_NAME)) {
            throw new ExtensionConfigurationException(
                    "@SmtpServer on " + testClass.get().getSimpleName()
                            + ": its Spring application context has no SMTP server, so the context was not built by Spring's"
                            + " test context framework with smtpunit-spring's META-INF/spring.factories; a context loader"
                            + " that skips context customizers cannot be used with @SmtpServer");
        }
        MockSmtpServer server = application.getBean(SmtpServerContextCustomizer.BEAN_NAME, MockSmtpServer.class);
        MockProviderApis apis = application
                .getBean(ContextProviderApis.BEAN_NAME, ContextProviderApis.class)
                .apis();
        return Optional.of(new ContextServer(
                server,
                config,
                "the SMTP server of the Spring application context of "
                        + testClass.get().getSimpleName(),
                apis));
    }

    /** Whether the class, or a class it is nested in, is run by Spring's JUnit extension. */
    private static boolean runsWithSpring(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            boolean spring = AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
                    .flatMap(e -> Arrays.stream(e.value()))
                    .anyMatch(SpringExtension.class::equals);
            if (spring) {
                return true;
            }
        }
        return false;
    }
}
