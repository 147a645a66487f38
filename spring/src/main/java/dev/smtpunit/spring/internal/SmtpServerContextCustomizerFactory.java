package dev.smtpunit.spring.internal;

import dev.smtpunit.junit5.SmtpServer;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/**
 * Registered in {@code META-INF/spring.factories}: a test class with {@code @SmtpServer} (on itself, an
 * enclosing class of a {@code @Nested} class, or a meta-annotation) gets an application context with its
 * own SMTP server. Created by Spring's test context framework.
 */
public final class SmtpServerContextCustomizerFactory implements ContextCustomizerFactory {

    /** Created by Spring. */
    public SmtpServerContextCustomizerFactory() {}

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        SmtpServer config = configOf(testClass);
        return config == null ? null : new SmtpServerContextCustomizer(config, "@SmtpServer on " + testClass.getName());
    }

    /**
     * The class-level annotation that configures the context's server, found the way Spring finds test
     * configuration (meta-annotations, {@code @Nested} enclosing classes).
     *
     * @param testClass the test class
     * @return the annotation, or null
     */
    static SmtpServer configOf(Class<?> testClass) {
        return TestContextAnnotationUtils.findMergedAnnotation(testClass, SmtpServer.class);
    }
}
