package dev.smtpunit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application that sends welcome mail. */
@SpringBootApplication
public class MailApplication {

    /**
     * Runs the application.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(MailApplication.class, args);
    }
}
