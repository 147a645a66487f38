package dev.smtpunit.internal;

import dev.smtpunit.Attachment;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The parsed, read-only views of a message, computed once. */
public final class MimeView {
    /** A private session for parsing only: never the JVM-wide default instance. */
    private static final Session PARSING_SESSION = Session.getInstance(parsingProperties());

    private final MimeMessage message;
    private final String subject;
    private final String contentType;
    private final boolean multipart;
    private String textBody;
    private String htmlBody;
    private final List<Attachment> attachments = new ArrayList<>();

    private static Properties parsingProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        // RFC 6532: header fields may be UTF-8 (SMTPUTF8 messages)
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    /**
     * Parses content bytes into a new message.
     *
     * @param raw the content
     * @return a new message
     */
    public static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(PARSING_SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("the received content cannot be parsed as a MIME message: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and walks a message.
     *
     * @param raw the content
     * @return the views
     */
    public static MimeView of(byte[] raw) {
        return new MimeView(parse(raw));
    }

    private MimeView(MimeMessage message) {
        this.message = message;
        try {
            String s = message.getSubject();
            this.subject = s == null ? "" : s;
            this.contentType = baseType(message.getContentType());
            this.multipart = contentType.startsWith("multipart/");
            walk(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the received message cannot be read: " + e.getMessage(), e);
        }
    }

    private static String baseType(String header) {
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            int semi = header.indexOf(';');
            return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        }
    }

    private void walk(Part part) throws MessagingException, IOException {
        String type = baseType(part.getContentType());
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(child);
                }
            }
            return;
        }
        if (type.equals("message/rfc822") && !isAttachment(part)) {
            Object content = part.getContent();
            if (content instanceof Part nested) {
                walk(nested);
                return;
            }
        }
        if (isAttachment(part)) {
            String name = part.getFileName();
            attachments.add(new Attachment(name == null ? "" : decode(name), type, readAll(part)));
        } else if (type.equals("text/plain") && textBody == null) {
            textBody = asText(part);
        } else if (type.equals("text/html") && htmlBody == null) {
            htmlBody = asText(part);
        }
    }

    private static String decode(String word) {
        try {
            return MimeUtility.decodeText(word);
        } catch (UnsupportedEncodingException e) {
            return word;
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    }

    private static String asText(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        return new String(readAll(part), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] readAll(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** @return the decoded subject */
    public String subject() {
        return subject;
    }

    /** @return the top-level base type */
    public String contentType() {
        return contentType;
    }

    /** @return whether the top level is multipart */
    public boolean multipart() {
        return multipart;
    }

    /** @return the first plain text body or null */
    public String textBody() {
        return textBody;
    }

    /** @return the first HTML body or null */
    public String htmlBody() {
        return htmlBody;
    }

    /** @return the attachments */
    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    /**
     * Decoded values of a header.
     *
     * @param name header name
     * @return values, unfolded and decoded
     */
    public List<String> headers(String name) {
        try {
            String[] values = message.getHeader(name);
            if (values == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>(values.length);
            for (String v : values) {
                out.add(decode(MimeUtility.unfold(v)).strip());
            }
            return List.copyOf(out);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read header " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bare addresses of an address header.
     *
     * @param name header name such as To
     * @return addresses without display names
     */
    public List<String> addresses(String name) {
        List<String> out = new ArrayList<>();
        try {
            String[] values = message.getHeader(name);
            if (values == null) {
                return List.of();
            }
            for (String v : values) {
                for (InternetAddress a : InternetAddress.parseHeader(MimeUtility.unfold(v), false)) {
                    out.add(a.getAddress());
                }
            }
        } catch (AddressException e) {
            throw new IllegalStateException("header " + name + " holds an address that cannot be parsed: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read header " + name + ": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }
}
