package dev.smtpunit.examples;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small application mailer of the kind the examples test: sends a welcome mail and retries, with
 * bounded exponential back-off, when the server answers with a transient (4xx) error.
 */
public final class WelcomeMailer {
    private static final Pattern REPLY_CODE = Pattern.compile("\\b([45]\\d\\d)\\b");

    /** What happened to a send. */
    public enum Outcome {
        /** The server accepted the mail. */
        SENT,
        /** The server refused it for good (5xx), or kept refusing after every retry. */
        REJECTED
    }

    private final Properties properties;
    private final int maxAttempts;
    private final Duration firstBackoff;

    /**
     * Creates the mailer.
     *
     * @param properties Jakarta Mail properties naming the SMTP server
     * @param maxAttempts how often to try at most
     * @param firstBackoff the pause after the first failure; doubled after each further one
     */
    public WelcomeMailer(Properties properties, int maxAttempts, Duration firstBackoff) {
        this.properties = properties;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    /**
     * Sends the welcome mail, retrying transient failures.
     *
     * @param to the new user's address
     * @param name the new user's name
     * @return SENT or REJECTED
     * @throws InterruptedException when interrupted while backing off
     */
    public Outcome sendWelcome(String to, String name) throws InterruptedException {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                Session session = Session.getInstance(properties);
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("welcome@app.example"));
                m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
                m.setSubject("Welcome, " + name);
                m.setText("Hello " + name + ",\n\nplease confirm your address.\n", "UTF-8");
                Transport.send(m);
                return Outcome.SENT;
            } catch (MessagingException e) {
                if (!isTransient(e) || attempt >= maxAttempts) {
                    return Outcome.REJECTED;
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Whether a failure is worth retrying: an SMTP reply in the 4xx range anywhere in the chain.
     *
     * @param e the failure
     * @return true for 4xx
     */
    static boolean isTransient(MessagingException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode() / 100 == 4;
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode() / 100 == 4;
            }
            if (t.getMessage() != null) {
                Matcher m = REPLY_CODE.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1).startsWith("4");
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SendFailedException s && s.getNextException() != null) {
            return s.getNextException();
        }
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }
}
