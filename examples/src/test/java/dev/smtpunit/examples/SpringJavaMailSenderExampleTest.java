package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/**
 * Example 8: Spring's {@code JavaMailSenderImpl}. In a Spring Boot test, register the same values with
 * {@code @DynamicPropertySource}: {@code registry.add("spring.mail.host", smtp::host)} and
 * {@code registry.add("spring.mail.port", smtp::port)}, or use {@code smtp.springMailProperties()}.
 */
@SmtpServer(users = "app:secret")
class SpringJavaMailSenderExampleTest {

    @Test
    void springSendsThroughTheTestServer(MockSmtpServer smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername("app");
        sender.setPassword("secret");
        sender.getJavaMailProperties().setProperty("mail.smtp.auth", "true");

        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("noreply@app.example");
        mail.setTo("ada@example.com");
        mail.setSubject("Password reset");
        mail.setText("Use this link to reset your password.");
        sender.send(mail);

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .hasSubject("Password reset")
                .wasAuthenticatedAs("app");
        org.assertj.core.api.Assertions.assertThat(smtp.springMailProperties())
                .containsEntry("spring.mail.host", smtp.host())
                .containsEntry("spring.mail.port", String.valueOf(smtp.port()));
    }
}
