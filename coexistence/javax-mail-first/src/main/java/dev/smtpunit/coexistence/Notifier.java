package dev.smtpunit.coexistence;

import javax.activation.DataHandler;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;
import java.util.Properties;

/** The application: sends with javax.mail 1.6, as Commons Email 1.x and Spring Boot 2 do. */
public final class Notifier {
    private final Session session;

    /**
     * @param host the SMTP host
     * @param port the SMTP port
     */
    public Notifier(String host, int port) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", host);
        props.setProperty("mail.smtp.port", String.valueOf(port));
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "5000");
        this.session = Session.getInstance(props);
    }

    /**
     * @param props the mail session's properties, as the application's configuration gives them (TLS included)
     */
    public Notifier(Properties props) {
        this.session = Session.getInstance(props);
    }

    /** A plain-text mail: the send that a second mail stack's mailcap on the class path used to break. */
    public void welcome(String to) throws MessagingException {
        MimeMessage m = message(to, "Welcome, Zo\u00eb");
        m.setText("Confirm your address: https://app.example/confirm", "UTF-8");
        Transport.send(m);
    }

    /** Text and HTML alternatives plus a PDF attachment. */
    public void invoice(String to, byte[] pdf) throws MessagingException {
        MimeMessage m = message(to, "Invoice 42");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Total: 42 EUR", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Total: <b>42 EUR</b></p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("invoice-42.pdf");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        m.setContent(mixed);
        Transport.send(m);
    }

    private MimeMessage message(String to, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("App <app@example.com>"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        return m;
    }
}
