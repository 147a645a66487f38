package dev.smtpunit.examples;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.util.Properties;

/** An application mailer that sends large reports and handles a 552 by sending a link instead. */
public final class ReportMailer {
    private final Properties properties;

    /**
     * Creates the mailer.
     *
     * @param properties Jakarta Mail properties naming the SMTP server
     */
    public ReportMailer(Properties properties) {
        this.properties = properties;
    }

    /**
     * Sends the report inline; if the server refuses it as too large, sends a download link.
     *
     * @param to the recipient
     * @param report the report text
     * @return true when the report went inline, false when the link was sent instead
     * @throws MessagingException on any other failure
     */
    public boolean send(String to, String report) throws MessagingException {
        try {
            send(to, "Monthly report", report);
            return true;
        } catch (SMTPSendFailedException e) {
            if (e.getReturnCode() != 552) {
                throw e;
            }
            send(
                    to,
                    "Monthly report (download)",
                    "Your report is too large for mail: https://app.example/reports/latest\n");
            return false;
        }
    }

    private void send(String to, String subject, String body) throws MessagingException {
        Session session = Session.getInstance(properties);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("reports@app.example"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText(body, "UTF-8");
        Transport.send(m);
    }
}
