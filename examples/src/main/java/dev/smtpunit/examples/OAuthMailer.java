package dev.smtpunit.examples;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/**
 * An application mailer that authenticates with an OAuth 2.0 access token (XOAUTH2, as Gmail and
 * Microsoft 365 want) and, when the server refuses the token, refreshes it and tries once more.
 */
public final class OAuthMailer {

    /** Where the mailer gets its access tokens, for example an OAuth client with a refresh token. */
    public interface AccessTokens {
        /** {@return the cached access token} */
        String current();

        /** {@return a new access token, fetched because the cached one was refused} */
        String refresh();
    }

    private final Properties properties;
    private final String account;
    private final AccessTokens tokens;

    /**
     * Creates the mailer.
     *
     * @param properties Jakarta Mail properties naming the SMTP server
     * @param account the mailbox the token belongs to
     * @param tokens the token source
     */
    public OAuthMailer(Properties properties, String account, AccessTokens tokens) {
        this.properties = new Properties();
        this.properties.putAll(properties);
        this.properties.setProperty("mail.smtp.auth", "true");
        this.properties.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
        this.account = account;
        this.tokens = tokens;
    }

    /**
     * Sends a text mail from the account, refreshing the token once if it is refused.
     *
     * @param to the recipient
     * @param subject the subject
     * @param text the body
     * @throws MessagingException when sending fails, or the refreshed token is refused as well
     */
    public void send(String to, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(account));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject);
        message.setText(text, "UTF-8");
        try {
            Transport.send(message, account, tokens.current());
        } catch (AuthenticationFailedException expired) {
            Transport.send(message, account, tokens.refresh());
        }
    }
}
