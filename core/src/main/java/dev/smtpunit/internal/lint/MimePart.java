package dev.smtpunit.internal.lint;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.ContentTypeFieldImpl;
import org.apache.james.mime4j.stream.RawField;

import java.util.List;
import java.util.Locale;

/**
 * A node of the MIME tree: its header section, where its body lies in the message, its content type
 * (parsed by mime4j) and its children when it is a multipart.
 */
final class MimePart {
    private static final FieldCache<ContentTypeField> CONTENT_TYPES = new FieldCache<>(MimePart::parseContentType);

    final String path;
    final RawEntity entity;
    final int bodyEnd;
    final ContentTypeField contentType;
    final String mimeType;
    final String transferEncoding;
    List<MimePart> children = List.of();

    MimePart(String path, RawEntity entity, boolean digestChild) {
        this.path = path;
        this.entity = entity;
        this.bodyEnd = entity.end();
        HeaderField ct = entity.first("Content-Type");
        this.contentType = ct == null ? null : CONTENT_TYPES.get(ct.value());
        String type = contentType == null || contentType.getMimeType() == null ? null : contentType.getMimeType();
        this.mimeType = type != null && contentType.getParseException() == null
                ? type.toLowerCase(Locale.ROOT)
                : digestChild ? "message/rfc822" : "text/plain";
        HeaderField cte = entity.first("Content-Transfer-Encoding");
        this.transferEncoding = cte == null ? "7bit" : stripComment(cte.value()).toLowerCase(Locale.ROOT);
    }

    /** Parsed at once (mime4j parses lazily on the first getter), so that the shared instance never changes. */
    private static ContentTypeField parseContentType(String value) {
        ContentTypeField field =
                ContentTypeFieldImpl.PARSER.parse(new RawField("Content-Type", value), DecodeMonitor.SILENT);
        field.getParseException();
        return field;
    }

    boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    boolean isText() {
        return mimeType.startsWith("text/");
    }

    String parameter(String name) {
        return contentType == null ? null : contentType.getParameter(name);
    }

    int bodyStart() {
        return entity.bodyStart();
    }

    private static String stripComment(String v) {
        int paren = v.indexOf('(');
        return (paren < 0 ? v : v.substring(0, paren)).strip();
    }
}
