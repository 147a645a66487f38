/**
 * Spring's test context integration of {@code @SmtpServer}; internal, used through the annotation.
 *
 * <p>{@code @SmtpServer} on a Spring test class (directly or as a meta-annotation) makes
 * {@link dev.smtpunit.spring.internal.SmtpServerContextCustomizerFactory} start one server for the
 * application context: its settings are part of the context cache key, {@code spring.mail.*} point at it,
 * it lives and dies with the context, and the JUnit extension injects it and resets it before each test.
 * The context's provider HTTP APIs start when first needed; its {@code com.sendgrid.SendGrid} beans are
 * pointed at them when SendGrid's SDK is on the class path.
 */
package dev.smtpunit.spring.internal;
