package dev.smtpunit.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the RFC 5322/MIME message a provider makes from an API call's fields: headers (non-ASCII
 * text RFC 2047-encoded), a text and/or HTML body ({@code multipart/alternative} when both), and
 * attachments ({@code multipart/mixed}). ASCII bodies with short lines go as 7bit, others as base64.
 * The envelope (and so BCC) never appears in the headers.
 */
public final class MimeBuilder {
    private static final AtomicLong BOUNDARIES = new AtomicLong();
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    /**
     * A mailbox: display name (may be empty) and address.
     *
     * @param name the display name, or empty
     * @param email the address
     */
    public record Address(String name, String email) {
        /** {@return the address in header form} */
        String header() {
            if (name == null || name.isEmpty()) {
                return email;
            }
            return phrase(name) + " <" + email + ">";
        }
    }

    /**
     * An attachment.
     *
     * @param filename the file name, or null
     * @param type the content type
     * @param content the bytes
     * @param inline true for an inline part
     * @param contentId the Content-ID without brackets, or null
     */
    public record Part(String filename, String type, byte[] content, boolean inline, String contentId) {}

    private final List<String[]> headers = new ArrayList<>();
    private String text;
    private String html;
    private final List<Part> attachments = new ArrayList<>();

    /**
     * Adds a header field (a structural one such as Content-Type is the builder's own).
     *
     * @param name the name
     * @param value the unencoded value
     * @return this builder
     */
    public MimeBuilder header(String name, String value) {
        headers.add(new String[] {name, encodeUnstructured(value)});
        return this;
    }

    /**
     * Adds an address header; nothing when the list is empty.
     *
     * @param name the name, such as {@code To}
     * @param addresses the addresses
     * @return this builder
     */
    public MimeBuilder addresses(String name, List<Address> addresses) {
        if (!addresses.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            int line = name.length() + 2;
            for (int i = 0; i < addresses.size(); i++) {
                String a = addresses.get(i).header();
                if (i > 0) {
                    sb.append(',');
                    if (line + a.length() + 2 > 76) {
                        sb.append("\r\n");
                        line = 0;
                    }
                    sb.append(' ');
                    line += 2;
                }
                sb.append(a);
                line += a.length();
            }
            headers.add(new String[] {name, sb.toString()});
        }
        return this;
    }

    /**
     * Adds a header value already in wire form.
     *
     * @param name the name
     * @param value the value as it goes out
     * @return this builder
     */
    public MimeBuilder rawHeader(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /**
     * Sets the plain-text body.
     *
     * @param value the text, or null
     * @return this builder
     */
    public MimeBuilder text(String value) {
        this.text = value;
        return this;
    }

    /**
     * Sets the HTML body.
     *
     * @param value the HTML, or null
     * @return this builder
     */
    public MimeBuilder html(String value) {
        this.html = value;
        return this;
    }

    /**
     * Adds an attachment.
     *
     * @param part the attachment
     * @return this builder
     */
    public MimeBuilder attach(Part part) {
        attachments.add(part);
        return this;
    }

    /**
     * {@return the header date form of now}
     */
    public static String now() {
        return DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /** {@return the message bytes} */
    public byte[] build() {
        StringBuilder sb = new StringBuilder(1024);
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        sb.append("MIME-Version: 1.0\r\n");
        List<String[]> bodies = new ArrayList<>();
        if (text != null) {
            bodies.add(new String[] {"text/plain", text});
        }
        if (html != null) {
            bodies.add(new String[] {"text/html", html});
        }
        if (bodies.isEmpty()) {
            bodies.add(new String[] {"text/plain", ""});
        }
        if (attachments.isEmpty()) {
            body(sb, bodies);
        } else {
            String boundary = boundary();
            sb.append("Content-Type: multipart/mixed; boundary=\"")
                    .append(boundary)
                    .append("\"\r\n\r\n");
            sb.append("--").append(boundary).append("\r\n");
            body(sb, bodies);
            for (Part p : attachments) {
                sb.append("\r\n--").append(boundary).append("\r\n");
                sb.append("Content-Type: ")
                        .append(p.type() == null || p.type().isEmpty() ? "application/octet-stream" : p.type());
                if (p.filename() != null) {
                    sb.append("; name=").append(parameter(p.filename()));
                }
                sb.append("\r\nContent-Transfer-Encoding: base64\r\n");
                sb.append("Content-Disposition: ").append(p.inline() ? "inline" : "attachment");
                if (p.filename() != null) {
                    sb.append("; filename=").append(parameter(p.filename()));
                }
                sb.append("\r\n");
                if (p.contentId() != null) {
                    sb.append("Content-ID: <").append(p.contentId()).append(">\r\n");
                }
                sb.append("\r\n");
                base64(sb, p.content());
            }
            sb.append("\r\n--").append(boundary).append("--\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void body(StringBuilder sb, List<String[]> bodies) {
        if (bodies.size() == 1) {
            leaf(sb, bodies.get(0)[0], bodies.get(0)[1]);
            return;
        }
        String boundary = boundary();
        sb.append("Content-Type: multipart/alternative; boundary=\"")
                .append(boundary)
                .append("\"\r\n\r\n");
        for (String[] b : bodies) {
            sb.append("--").append(boundary).append("\r\n");
            leaf(sb, b[0], b[1]);
            sb.append("\r\n");
        }
        sb.append("--").append(boundary).append("--\r\n");
    }

    private static void leaf(StringBuilder sb, String type, String content) {
        String crlf = content.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        boolean plain = crlf.chars().allMatch(c -> c < 128) && crlf.lines().allMatch(l -> l.length() <= 998);
        sb.append("Content-Type: ")
                .append(type)
                .append("; charset=")
                .append(plain ? "us-ascii" : "utf-8")
                .append("\r\n");
        if (plain) {
            sb.append("Content-Transfer-Encoding: 7bit\r\n\r\n").append(crlf);
            if (!crlf.endsWith("\r\n")) {
                sb.append("\r\n");
            }
        } else {
            sb.append("Content-Transfer-Encoding: base64\r\n\r\n");
            base64(sb, crlf.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void base64(StringBuilder sb, byte[] bytes) {
        String b = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(bytes);
        sb.append(b);
        if (!b.isEmpty()) {
            sb.append("\r\n");
        }
    }

    private static String boundary() {
        return "=_smtpunit_" + Long.toHexString(System.nanoTime()) + "_" + BOUNDARIES.incrementAndGet();
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /**
     * Encodes an unstructured header value: as is when printable ASCII, else RFC 2047 encoded words.
     *
     * @param value the value
     * @return the wire form
     */
    static String encodeUnstructured(String value) {
        String v = value.replace("\r", "").replace("\n", " ");
        return ascii(v) ? v : encodedWords(v);
    }

    private static String phrase(String name) {
        if (!ascii(name)) {
            return encodedWords(name);
        }
        for (char c : name.toCharArray()) {
            if ("()<>[]:;@\\,.\"".indexOf(c) >= 0) {
                return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
        }
        return name;
    }

    private static String parameter(String value) {
        if (ascii(value)) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return "\"" + encodedWords(value) + "\"";
    }

    private static String encodedWords(String v) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        int i = 0;
        while (i < v.length()) {
            int cp = v.codePointAt(i);
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (chunk.size() + b.length > 42) {
                word(out, chunk.toByteArray());
                chunk.reset();
            }
            chunk.write(b, 0, b.length);
            i += Character.charCount(cp);
        }
        word(out, chunk.toByteArray());
        return out.toString();
    }

    private static void word(StringBuilder out, byte[] bytes) {
        if (out.length() > 0) {
            out.append("\r\n ");
        }
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(bytes))
                .append("?=");
    }

    /**
     * Lower-cases a header name for comparisons.
     *
     * @param headersMap headers
     * @param name the name
     * @return whether the map holds the name in any case
     */
    static boolean hasHeader(Map<String, String> headersMap, String name) {
        return headersMap.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
    }
}
