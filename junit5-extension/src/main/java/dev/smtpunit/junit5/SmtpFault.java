package dev.smtpunit.junit5;

import dev.smtpunit.SmtpPhase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scripts a fault on the test's server before the test runs, like {@code smtp.faults().on(...)}.
 * Repeatable; on a test method or class (class-level faults apply to every test). Give exactly one
 * effect: {@link #reply()} (optionally with {@link #thenClose()} or {@link #delayMillis()}),
 * {@link #close()}, {@link #stall()}, or {@link #delayMillis()} alone.
 *
 * <pre>{@code
 * @Test
 * @SmtpFault(on = CONNECT, reply = 421, text = "4.3.2 Try again later", thenClose = true)
 * void reportsUnavailableServer(MockSmtpServer smtp) { ... }
 *
 * @Test
 * @SmtpFault(on = RCPT, recipient = "ada@example.com", reply = 452, text = "4.2.2 Mailbox full", times = 2)
 * void retriesFullMailbox(MockSmtpServer smtp) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(SmtpFaults.class)
public @interface SmtpFault {

    /** {@return the phase the fault is attached to} */
    SmtpPhase on();

    /** {@return the reply code to send; 0 for none} */
    int reply() default 0;

    /** {@return the reply text, usually starting with an enhanced status code} */
    String text() default "";

    /** {@return close the connection after the reply} */
    boolean thenClose() default false;

    /** {@return close the connection without a reply (at {@code END_OF_DATA}: nothing is stored)} */
    boolean close() default false;

    /** {@return never reply} */
    boolean stall() default false;

    /** {@return wait this long first (then reply, or carry on normally without {@link #reply()})} */
    long delayMillis() default 0;

    /** {@return how many times the fault fires; 0 or less for always} */
    int times() default 1;

    /** {@return fire only for the {@code RCPT TO} of this address (and, at END_OF_DATA, a message to it)} */
    String recipient() default "";

    /** {@return fire only for the {@code MAIL FROM} of this address (and, at END_OF_DATA, a message from it)} */
    String sender() default "";

    /** {@return fire only on the n-th connection (from 1); 0 for every connection} */
    int connection() default 0;

    /** {@return the {@link SmtpServer#name()} of the server; empty for the default server} */
    String server() default "";
}
