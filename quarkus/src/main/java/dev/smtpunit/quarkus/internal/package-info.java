/**
 * The Quarkus integration of {@code @QuarkusSmtpServer}; internal, used through the annotation.
 *
 * <p>{@link dev.smtpunit.quarkus.internal.SmtpServerTestResource} starts the server before the
 * application and points {@code quarkus.mailer.*} at it; {@link dev.smtpunit.quarkus.internal.QuarkusContextServerProvider}
 * hands it to the JUnit extension, which injects it into parameters, resets it before each test,
 * applies {@code @SmtpFault}s and attaches the SMTP evidence to failures.
 */
package dev.smtpunit.quarkus.internal;
