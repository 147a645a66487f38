package dev.smtpunit.internal;

import dev.smtpunit.Attachment;
import dev.smtpunit.MailLink;
import dev.smtpunit.internal.html.HtmlLinks;
import dev.smtpunit.internal.html.HtmlTokens;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.dom.field.ParseException;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read-only views of a received message, parsed with Apache mime4j (no Jakarta Activation, no
 * mailcap). The header is parsed at once and its views always work; the body is walked on first use,
 * and a part that cannot be decoded fails only the views that need it, naming the part.
 */
public final class MimeView {
    /** No limits on lines, headers or content: the server's size limit is the only one. */
    static final MimeConfig CONFIG = MimeConfig.PERMISSIVE;

    private final byte[] raw;
    private final Header header;
    private final String contentType;
    private volatile MimeParts parts;

    private MimeView(byte[] raw, Header header) {
        this.raw = raw;
        this.header = header;
        this.contentType = baseType(header);
    }

    /**
     * Parses the header of a message; the body is read when a body view is first asked for.
     *
     * @param raw the content, not copied and never changed
     * @return the views
     */
    public static MimeView of(byte[] raw) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(CONFIG);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        try {
            return new MimeView(raw, builder.parseHeader(new ByteArrayInputStream(raw)));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the header of the received message cannot be parsed: " + e.getMessage(), e);
        }
    }

    static String baseType(Header header) {
        return header.getField("Content-Type") instanceof ContentTypeField type && type.getMimeType() != null
                ? type.getMimeType().toLowerCase(Locale.ROOT)
                : "text/plain";
    }

    /** {@return the decoded subject, or an empty string when there is none} */
    public String subject() {
        Field field = header.getField("Subject");
        return field == null ? "" : decode(field.getBody());
    }

    /** {@return the top-level base type, lower case ({@code text/plain} when the header names none)} */
    public String contentType() {
        return contentType;
    }

    /** {@return whether the top level is multipart} */
    public boolean multipart() {
        return contentType.startsWith("multipart/");
    }

    /**
     * Decoded values of a header.
     *
     * @param name header name, in any case
     * @return values, unfolded and decoded (RFC 2047; raw UTF-8 per RFC 6532 is read as such)
     */
    public List<String> headers(String name) {
        List<String> out = new ArrayList<>();
        for (Field field : header.getFields(name)) {
            out.add(decode(field.getBody()));
        }
        return List.copyOf(out);
    }

    /**
     * The bare addresses of an address header, members of groups included.
     *
     * @param name header name such as To
     * @return addresses without display names
     * @throws IllegalStateException naming the header when a value is not an RFC 5322 address list
     */
    public List<String> addresses(String name) {
        List<String> out = new ArrayList<>();
        for (Field field : header.getFields(name)) {
            String value = field.getBody();
            try {
                for (Address address : DefaultAddressParser.DEFAULT.parseAddressList(value)) {
                    if (address instanceof Mailbox mailbox) {
                        out.add(mailbox.getAddress());
                    } else if (address instanceof Group group) {
                        group.getMailboxes().forEach(m -> out.add(m.getAddress()));
                    }
                }
            } catch (ParseException e) {
                throw new IllegalStateException(
                        "header " + name + " holds an address that cannot be parsed: \"" + value + "\" ("
                                + firstLine(e.getMessage()) + ")",
                        e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * @return the first plain text body that is not an attachment, decoded, or null
     * @throws IllegalStateException naming the part when that body cannot be decoded
     */
    public String textBody() {
        return parts().text("text/plain");
    }

    /**
     * @return the first HTML body that is not an attachment, decoded, or null
     * @throws IllegalStateException naming the part when that body cannot be decoded
     */
    public String htmlBody() {
        return parts().text("text/html");
    }

    /**
     * @return the attachments
     * @throws IllegalStateException naming the part when an attachment cannot be decoded
     */
    public List<Attachment> attachments() {
        return parts().attachments();
    }

    /**
     * @return the links of the inline HTML and text parts, in part order
     * @throws IllegalStateException naming the part when a text part cannot be decoded
     */
    public List<MailLink> links() {
        List<MailLink> out = new ArrayList<>();
        for (MimeParts.InlineText t : parts().inlineTexts()) {
            List<HtmlLinks.Found> found = t.type().equals("text/html")
                    ? HtmlLinks.fromHtml(HtmlTokens.tokenize(t.text()))
                    : HtmlLinks.fromText(t.text());
            for (HtmlLinks.Found f : found) {
                out.add(new MailLink(f.url(), f.text(), t.type(), t.path()));
            }
        }
        return List.copyOf(out);
    }

    private MimeParts parts() {
        MimeParts p = parts;
        if (p == null) {
            p = MimeParts.walk(raw);
            parts = p;
        }
        return p;
    }

    static String decode(String value) {
        return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT).strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
