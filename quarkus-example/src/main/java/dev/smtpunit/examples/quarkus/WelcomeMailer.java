package dev.smtpunit.examples.quarkus;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends the welcome mail through Quarkus' blocking {@link Mailer}. */
@ApplicationScoped
public class WelcomeMailer {
    private static final String TEMPLATE = """
            Hello %s,

            welcome aboard. Please confirm your address.
            """;

    private final Mailer mailer;

    /** @param mailer Quarkus' mailer, configured by {@code quarkus.mailer.*} */
    public WelcomeMailer(Mailer mailer) {
        this.mailer = mailer;
    }

    /**
     * Sends the welcome mail.
     *
     * @param to the new user's address
     * @param name the new user's name
     */
    public void sendWelcome(String to, String name) {
        mailer.send(Mail.withText(to, "Welcome, " + name, TEMPLATE.formatted(name)));
    }
}
