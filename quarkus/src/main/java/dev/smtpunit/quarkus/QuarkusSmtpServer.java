package dev.smtpunit.quarkus;

import dev.smtpunit.junit5.SmtpServer;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code @QuarkusTest} a real SMTP server: started before the application, with
 * {@code quarkus.mailer.host}, {@code port} and {@code mock=false} pointing at it (and credentials and
 * certificate trust when {@link #value()} turns on AUTH or STARTTLS), injected into fields annotated
 * {@link InjectSmtpServer}, reset (mail, transcript, faults) before each test and stopped with the
 * application.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusSmtpServer
 * class WelcomeMailTest {
 *     @InjectSmtpServer
 *     MockSmtpServer smtp;
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@WithTestResource(SmtpServerTestResource.class)
public @interface QuarkusSmtpServer {

    /** {@return the server's settings, as for a JUnit test: {@code @QuarkusSmtpServer(@SmtpServer(startTls = REQUIRED))}} */
    SmtpServer value() default @SmtpServer;
}
