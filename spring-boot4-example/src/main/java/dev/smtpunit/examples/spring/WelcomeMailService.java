package dev.smtpunit.examples.spring;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.util.PropertyPlaceholderHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends the welcome mail, rendered from the template {@code mail/welcome.txt}, through Spring's
 * {@link JavaMailSender}. A transient refusal (an SMTP 4xx reply, such as 452 "mailbox full") is
 * retried with exponential back-off; a permanent one (5xx) is not.
 */
@Service
public class WelcomeMailService {
    private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}");

    private final JavaMailSender mailSender;
    private final UserDirectory users;
    private final String from;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final String template;

    /**
     * Creates the service.
     *
     * @param mailSender Spring Boot's sender, configured by {@code spring.mail.*}
     * @param users where users are found
     * @param from the sender address
     * @param maxAttempts how often to try at most
     * @param firstBackoff the pause after the first transient failure, doubled after each further one
     */
    public WelcomeMailService(
            JavaMailSender mailSender,
            UserDirectory users,
            @Value("${app.mail.from}") String from,
            @Value("${app.mail.max-attempts}") int maxAttempts,
            @Value("${app.mail.first-backoff}") Duration firstBackoff) {
        this.mailSender = mailSender;
        this.users = users;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        try {
            this.template = new ClassPathResource("mail/welcome.txt").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the welcome mail to a user.
     *
     * @param userId the user's id
     * @return how many attempts it took
     * @throws MailException when the server refused it for good, or on every attempt
     */
    public int sendWelcome(String userId) {
        User user = users.find(userId);
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(user.email());
        mail.setSubject("Welcome, " + user.name());
        mail.setText(PLACEHOLDERS.replacePlaceholders(template, Map.of("name", user.name(), "id", user.id())::get));
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                mailSender.send(mail);
                return attempt;
            } catch (MailSendException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** Whether the server's reply was a 4xx, anywhere in the chain of causes. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode() / 100 == 4;
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode() / 100 == 4;
            }
            if (t instanceof MailSendException m) {
                for (Exception e : m.getFailedMessages().values()) {
                    if (isTransient(e)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
