package dev.smtpunit.quarkus.internal;

import dev.smtpunit.junit5.internal.ContextServerProvider;
import dev.smtpunit.quarkus.QuarkusSmtpServer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;

/**
 * Hands the JUnit extension the server of the running Quarkus application's
 * {@link SmtpServerTestResource}, so that a {@code MockSmtpServer} parameter gets the server that
 * {@code quarkus.mailer.*} point at, and so that it is reset before each test, scripted by
 * {@code @SmtpFault} and shown when a test fails. Found by {@link java.util.ServiceLoader}.
 */
public final class QuarkusContextServerProvider implements ContextServerProvider {

    /** Created by the service loader. */
    public QuarkusContextServerProvider() {}

    @Override
    public Optional<ContextServer> find(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isEmpty() || annotationOf(testClass.get()).isEmpty()) {
            return Optional.empty();
        }
        SmtpServerTestResource.Running running = SmtpServerTestResource.running();
        if (running == null) {
            throw new ExtensionConfigurationException(
                    "@QuarkusSmtpServer on " + testClass.get().getSimpleName()
                            + ": no Quarkus application with its SMTP server is running; @QuarkusSmtpServer is for"
                            + " @QuarkusTest classes, whose application starts the server as a test resource");
        }
        return Optional.of(new ContextServer(
                running.server(),
                running.annotation().value(),
                "the SMTP server of the Quarkus application of "
                        + testClass.get().getSimpleName()));
    }

    /** The annotation on the class, a meta-annotation, or a class it is nested in. */
    private static Optional<QuarkusSmtpServer> annotationOf(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<QuarkusSmtpServer> found = AnnotationSupport.findAnnotation(c, QuarkusSmtpServer.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
