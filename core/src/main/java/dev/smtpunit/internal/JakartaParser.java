package dev.smtpunit.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.util.Properties;

/** The Jakarta Mail code, loaded only once {@link JakartaMessages} has found Jakarta Mail. */
final class JakartaParser {
    private JakartaParser() {}

    static MimeMessage parse(byte[] raw) {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        // RFC 6532: header fields may be UTF-8 (SMTPUTF8 messages)
        p.setProperty("mail.mime.allowutf8", "true");
        // a private session for parsing only: never the JVM-wide default instance
        Session session = Session.getInstance(p);
        try {
            return new MimeMessage(session, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(
                    "the received content cannot be parsed by Jakarta Mail: " + e.getMessage(), e);
        }
    }
}
