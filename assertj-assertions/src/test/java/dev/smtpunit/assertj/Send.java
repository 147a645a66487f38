package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.testsupport.RawClient;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Sends real mail with Jakarta Mail for the assertion tests. */
final class Send {
    private Send() {}

    static void text(MockSmtpServer smtp, String from, String to, String subject, String body) throws Exception {
        Session s = Session.getInstance(smtp.properties());
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText(body);
        m.setHeader("X-Campaign", "spring");
        Transport.send(m);
    }

    /**
     * Sends a message in BDAT chunks (RFC 3030) over a raw socket, checking every reply.
     *
     * @param smtp a server with chunking on
     * @param chunks the chunks; the last is sent with LAST
     */
    static void withBdat(MockSmtpServer smtp, String... chunks) throws Exception {
        try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            StringBuilder sent =
                    new StringBuilder("EHLO x\r\nMAIL FROM:<app@example.com>\r\nRCPT TO:<ada@example.com>\r\n");
            for (int i = 0; i < chunks.length; i++) {
                sent.append("BDAT ")
                        .append(chunks[i].length())
                        .append(i == chunks.length - 1 ? " LAST" : "")
                        .append("\r\n")
                        .append(chunks[i]);
            }
            sent.append("QUIT\r\n");
            client.sendRaw(sent.toString());
            String line;
            while ((line = client.readLine()) != null) {
                if (line.charAt(0) != '2') {
                    throw new IllegalStateException("refused: " + line);
                }
            }
        }
    }

    static void withAttachment(MockSmtpServer smtp) throws Exception {
        Session s = Session.getInstance(smtp.properties());
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress("billing@example.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        m.setRecipients(Message.RecipientType.CC, InternetAddress.parse("boss@example.com"));
        m.setSubject("Invoice 42");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Your invoice</p>", "text/html; charset=UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setContent("a,b\n1,2\n", "text/csv");
        file.setFileName("invoice.csv");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(html);
        mp.addBodyPart(file);
        m.setContent(mp);
        Transport.send(m);
    }
}
