package dev.smtpunit.examples.spring;

import dev.smtpunit.junit5.SmtpServer;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A team's own test annotation: a Boot test with an SMTP server that accepts any login. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@SmtpServer(acceptAnyCredentials = true)
@interface MailIntegrationTest {}
