package dev.smtpunit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/** Sends with Jakarta Mail in tests. */
final class Mail {
    private Mail() {}

    static MimeMessage simple(Session session, String from, String to, String subject, String body)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        return m;
    }

    static void send(Properties props, String subject) throws MessagingException {
        Session s = Session.getInstance(props);
        Transport.send(simple(s, "app@example.com", "ada@example.com", subject, "Hello"));
    }

    static void send(Properties props, String user, String password, String subject) throws MessagingException {
        props.setProperty("mail.smtp.auth", "true");
        Session s = Session.getInstance(props);
        Transport.send(simple(s, "app@example.com", "ada@example.com", subject, "Hello"), user, password);
    }
}
