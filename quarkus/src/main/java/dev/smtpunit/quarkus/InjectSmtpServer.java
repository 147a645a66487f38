package dev.smtpunit.quarkus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code MockSmtpServer} field of a {@link QuarkusSmtpServer} test: the test resource assigns
 * its server to it, and the server is reset before each test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectSmtpServer {}
