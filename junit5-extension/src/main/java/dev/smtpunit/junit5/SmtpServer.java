package dev.smtpunit.junit5;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.lint.ReceiverProfile;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test a real SMTP server. On a test class (or on an annotation of your own, as a
 * meta-annotation) it registers the extension and sets the defaults; every {@code MockSmtpServer}
 * parameter of a test or lifecycle method is then injected. On a field or parameter it configures
 * that server.
 *
 * <ul>
 *   <li>a test-method parameter, {@code @BeforeEach} parameter or instance field: one server per test;
 *   <li>a {@code static} field or {@code @BeforeAll} parameter: one server per class, reset (mail,
 *       transcript, faults) before each test;
 *   <li>a {@code MockSmtpServer} field <em>without</em> the annotation in a class that carries it is
 *       injected too (static: per class, instance: per test), configured by the class's annotation,
 *       unless it holds a running server the test started itself;
 *   <li>a {@code SmtpSoftAssertions} test-method parameter (from {@code smtpunit-assertj}) is made per
 *       test and asserted after it: soft assertions that are safe under parallel execution;
 *   <li>{@code @Nested} classes see the servers of their enclosing classes;
 *   <li>{@link #name()} tells several servers of one test apart; elements with the same name share
 *       one server.
 * </ul>
 *
 * <pre>{@code
 * @SmtpServer
 * class SignupMailTest {
 *     @Test
 *     void sendsWelcomeMail(MockSmtpServer smtp) {
 *         app.mailer().useSmtp(smtp.host(), smtp.port());
 *         app.signup("ada@example.com");
 *         assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).subject()).isEqualTo("Welcome");
 *     }
 * }
 * }</pre>
 *
 * When a test fails, the transcript and mailbox of every server it used are attached to the
 * failure and published as a report entry.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(SmtpServerExtension.class)
public @interface SmtpServer {

    /** {@return tells several servers apart; elements with the same name share one server} */
    String name() default "";

    /** {@return the plain SMTP port; 0 (the default) picks a free one} */
    int port() default 0;

    /** {@return how STARTTLS is offered} */
    StartTlsMode startTls() default StartTlsMode.OFF;

    /** {@return whether to open an implicit-TLS (SMTPS) port as well, on a free port} */
    boolean smtps() default false;

    /** {@return users for AUTH PLAIN, LOGIN and CRAM-MD5, each {@code "name:password"}} */
    String[] users() default {};

    /** {@return offer AUTH and accept any credentials} */
    boolean acceptAnyCredentials() default false;

    /**
     * {@return the SASL mechanisms to offer, in order; empty (the default) offers PLAIN and LOGIN when
     *     {@link #users()} or {@link #acceptAnyCredentials()} is set. XOAUTH2 and OAUTHBEARER need
     *     {@link #tokens()} (or a {@link #configurer()} that sets a token check); CRAM-MD5 needs {@link #users()}}
     */
    AuthMechanism[] authMechanisms() default {};

    /**
     * {@return OAuth 2.0 tokens accepted by XOAUTH2 and OAUTHBEARER, each {@code "user:token"}; for rules
     *     such as "this token has expired", set {@code tokenCheck(...)} in a {@link #configurer()}}
     */
    String[] tokens() default {};

    /** {@return refuse MAIL with 530 until the client authenticated} */
    boolean requireAuth() default false;

    /** {@return the largest accepted message in bytes (SIZE, 552); 0 for no limit} */
    long maxMessageSize() default 0;

    /**
     * {@return offer CHUNKING and BINARYMIME, so that the client may send with {@code BDAT} (RFC 3030);
     *         off by default}
     */
    boolean chunking() default false;

    /**
     * {@return offer SMTPUTF8 (RFC 6531): UTF-8 mailboxes and header fields in transactions that
     *     declare it; off by default}
     */
    boolean smtpUtf8() default false;

    /** {@return offer DSN (RFC 3461): RET, ENVID, NOTIFY and ORCPT accepted, checked and recorded; off by default} */
    boolean dsn() default false;

    /** {@return the most recipients per transaction, further RCPT get 452 4.5.3; 0 for no limit; default 100} */
    int maxRecipients() default 100;

    /**
     * {@return the most simultaneous connections, further ones get 421 4.7.0 and are closed; 0 for no
     *     limit; default 100}
     */
    int maxConnections() default 100;

    /**
     * {@return the most messages the mailbox keeps, the oldest dropped and counted
     *     ({@code mailbox().droppedCount()}); 0 (the default) keeps every message}
     */
    int maxStoredMessages() default 0;

    /** {@return the host name in the greeting and EHLO reply} */
    String hostname() default "localhost";

    /** {@return a class that sets anything else on the options builder; needs a no-argument constructor} */
    Class<? extends SmtpServerConfigurer> configurer() default SmtpServerConfigurer.None.class;

    /** {@return fail the test when a fault rule scripted for this server never fired} */
    boolean failOnUnusedFaults() default false;

    /**
     * {@return lint every message this server accepts ({@code MailLint.defaults()}) and, after the
     *     test ran, fail it when a message it received has lint errors, listing the findings}
     */
    boolean lint() default false;

    /** {@return the receiver whose refusals the server imitates at the end of DATA (with its replies)} */
    ReceiverProfile receiverProfile() default ReceiverProfile.NONE;
}
