package dev.smtpunit.quarkus;

import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.junit5.SmtpServerExtension;
import dev.smtpunit.quarkus.internal.SmtpServerTestResource;
import io.quarkus.test.common.WithTestResource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code @QuarkusTest} a real SMTP server: started before the application, with
 * {@code quarkus.mailer.host}, {@code port} and {@code mock=false} pointing at it (and credentials and
 * certificate trust when {@link #value()} turns on AUTH or STARTTLS), and stopped with the application.
 * As in a plain JUnit test with {@code @SmtpServer}, it is injected into {@code MockSmtpServer}
 * parameters (and fields annotated {@link InjectSmtpServer}), reset (mail, transcript, faults) before
 * each test, scripted by {@code @SmtpFault}, and a failing test gets the SMTP evidence (transcript,
 * mailbox, unused faults) attached.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusSmtpServer
 * class WelcomeMailTest {
 *     @Test
 *     void sendsWelcomeMail(MockSmtpServer smtp) {
 *         ...
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@WithTestResource(SmtpServerTestResource.class)
@ExtendWith(SmtpServerExtension.class)
public @interface QuarkusSmtpServer {

    /** {@return the server's settings, as for a JUnit test: {@code @QuarkusSmtpServer(@SmtpServer(startTls = REQUIRED))}} */
    SmtpServer value() default @SmtpServer;

    /**
     * How long the server waits after accepting a connection before it greets, in milliseconds. The
     * Vert.x mail client behind Quarkus' mailer (4.5) can lose a greeting that arrives very soon after
     * its connection completed and then waits for it forever (see {@code docs/known-client-issues.md});
     * a short wait makes that rare. 0 greets at once.
     *
     * @return the delay in milliseconds; default {@value #DEFAULT_GREETING_DELAY_MILLIS}
     */
    int greetingDelayMillis() default DEFAULT_GREETING_DELAY_MILLIS;

    /** The default {@link #greetingDelayMillis()}. */
    int DEFAULT_GREETING_DELAY_MILLIS = 100;
}
