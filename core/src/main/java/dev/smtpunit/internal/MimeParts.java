package dev.smtpunit.internal;

import dev.smtpunit.Attachment;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The leaves of a message's MIME tree, decoded. A leaf that cannot be decoded (bad base64, an
 * unknown transfer encoding or charset) keeps a description of the problem instead of content; a
 * multipart whose structure is broken makes every body view fail.
 */
final class MimeParts {
    private static final String AFTERWARDS =
            "; the header views (subject(), from(), headers(...)) and rawContent() still work";

    /** One decoded leaf; {@code problem} is null when {@code content} is good. */
    private record Leaf(
            String path,
            String where,
            String type,
            boolean attachment,
            String fileName,
            byte[] content,
            String text,
            String problem) {}

    /**
     * An inline text part, decoded.
     *
     * @param path the MIME part path, empty for the top level
     * @param type {@code text/plain} or {@code text/html}
     * @param text the decoded text
     */
    record InlineText(String path, String type, String text) {}

    /** A multipart being walked, counting its parts. */
    private static final class Multipart {
        final String type;
        final String boundary;
        int parts;

        Multipart(String type, String boundary) {
            this.type = type;
            this.boundary = boundary;
        }
    }

    private final List<Leaf> leaves = new ArrayList<>();
    private final List<String> structureProblems = new ArrayList<>();

    private MimeParts() {}

    static MimeParts walk(byte[] raw) {
        MimeParts parts = new MimeParts();
        try {
            parts.walk(raw, "");
        } catch (MimeException | IOException e) {
            parts.structureProblems.add("the MIME structure cannot be parsed: " + e.getMessage());
        }
        return parts;
    }

    private void walk(byte[] raw, String prefix) throws MimeException, IOException {
        MimeTokenStream stream =
                new MimeTokenStream(MimeView.CONFIG, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(raw));
        Deque<Multipart> multiparts = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        paths.push(prefix);
        String declaredType = null;
        for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
            switch (state) {
                case T_START_HEADER -> declaredType = null;
                case T_FIELD -> {
                    if (stream.getField().getName().equalsIgnoreCase("Content-Type")) {
                        declaredType = stream.getField().getBody();
                    }
                }
                case T_START_MULTIPART -> {
                    MaximalBodyDescriptor d = (MaximalBodyDescriptor) stream.getBodyDescriptor();
                    multiparts.push(new Multipart(d.getMimeType(), d.getBoundary()));
                }
                case T_START_BODYPART -> {
                    int n = ++multiparts.peek().parts;
                    String parent = paths.peek();
                    paths.push(parent.isEmpty() ? String.valueOf(n) : parent + "." + n);
                }
                case T_END_BODYPART -> paths.pop();
                case T_END_MULTIPART -> {
                    Multipart ended = multiparts.pop();
                    if (ended.parts == 0) {
                        structureProblems.add(describe(paths.peek(), ended.type, null) + ": the boundary \""
                                + ended.boundary + "\" never appears, so it has no parts");
                    }
                }
                case T_BODY -> body(stream, paths.peek(), declaredType);
                default -> {
                    // headers, preamble and epilogue carry nothing the views show
                }
            }
        }
    }

    private void body(MimeTokenStream stream, String path, String declaredType) throws MimeException, IOException {
        MaximalBodyDescriptor d = (MaximalBodyDescriptor) stream.getBodyDescriptor();
        String type = d.getMimeType().toLowerCase(Locale.ROOT);
        if (declaredType != null
                && declaredType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            structureProblems.add(describe(path, declaredType.strip(), null) + " has no boundary parameter");
            return;
        }
        String fileName = fileName(d);
        boolean attachment = "attachment".equalsIgnoreCase(d.getContentDispositionType()) || fileName != null;
        String where = describe(path, type, fileName);
        byte[] content;
        try {
            content = decode(stream.getInputStream(), d.getTransferEncoding());
        } catch (IOException e) {
            leaves.add(new Leaf(
                    path,
                    where,
                    type,
                    attachment,
                    fileName,
                    null,
                    null,
                    where + " cannot be decoded from " + d.getTransferEncoding() + ": " + e.getMessage()));
            return;
        }
        if (type.equals("message/rfc822") && !attachment) {
            walk(content, path);
            return;
        }
        if (!attachment && (type.equals("text/plain") || type.equals("text/html"))) {
            String charset = d.getContentTypeParameters().get("charset");
            try {
                Charset cs = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset.strip());
                leaves.add(new Leaf(path, where, type, false, null, content, new String(content, cs), null));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                leaves.add(new Leaf(
                        path,
                        where,
                        type,
                        false,
                        null,
                        content,
                        null,
                        where + " is in charset \"" + charset + "\", which this JVM does not know"));
            }
            return;
        }
        leaves.add(new Leaf(path, where, type, attachment, fileName, content, null, null));
    }

    private static String fileName(MaximalBodyDescriptor d) {
        String name = d.getContentDispositionFilename();
        if (name == null) {
            name = d.getContentTypeParameters().get("name");
        }
        return name == null ? null : MimeView.decode(name);
    }

    private static byte[] decode(InputStream in, String transferEncoding) throws IOException {
        String encoding = transferEncoding.toLowerCase(Locale.ROOT);
        InputStream decoded = switch (encoding) {
            case "7bit", "8bit", "binary" -> in;
            case "base64" -> new Base64InputStream(in, DecodeMonitor.STRICT);
            case "quoted-printable" -> new QuotedPrintableInputStream(in, DecodeMonitor.SILENT);
            default -> throw new IOException("unknown Content-Transfer-Encoding \"" + transferEncoding + "\"");
        };
        try (decoded) {
            return decoded.readAllBytes();
        }
    }

    private static String describe(String path, String type, String fileName) {
        String where = path.isEmpty() ? "the body" : "part " + path;
        return where + " (" + type + (fileName == null ? "" : " \"" + fileName + "\"") + ")";
    }

    private void checkStructure(String view) {
        if (!structureProblems.isEmpty()) {
            throw new IllegalStateException(
                    view + " cannot be read: " + String.join("; ", structureProblems) + AFTERWARDS);
        }
    }

    /**
     * The first inline text leaf of a type.
     *
     * @param type {@code text/plain} or {@code text/html}
     * @return its decoded text, or null when there is none
     */
    String text(String type) {
        String view = type.equals("text/plain") ? "the text body" : "the HTML body";
        checkStructure(view);
        for (Leaf leaf : leaves) {
            if (!leaf.attachment() && leaf.type().equals(type)) {
                if (leaf.problem() != null) {
                    throw new IllegalStateException(view + " cannot be read: " + leaf.problem() + AFTERWARDS);
                }
                return leaf.text();
            }
        }
        return null;
    }

    /** {@return every inline text/plain and text/html part, in order} */
    List<InlineText> inlineTexts() {
        checkStructure("the links");
        List<InlineText> out = new ArrayList<>();
        for (Leaf leaf : leaves) {
            if (!leaf.attachment()
                    && (leaf.type().equals("text/plain") || leaf.type().equals("text/html"))) {
                if (leaf.problem() != null) {
                    throw new IllegalStateException("the links cannot be read: " + leaf.problem() + AFTERWARDS);
                }
                out.add(new InlineText(leaf.path(), leaf.type(), leaf.text()));
            }
        }
        return out;
    }

    /** {@return every attachment, in order} */
    List<Attachment> attachments() {
        checkStructure("the attachments");
        List<String> problems = new ArrayList<>();
        List<Attachment> out = new ArrayList<>();
        for (Leaf leaf : leaves) {
            if (leaf.attachment()) {
                if (leaf.problem() != null) {
                    problems.add(leaf.problem());
                } else {
                    out.add(new Attachment(
                            leaf.fileName() == null ? "" : leaf.fileName(), leaf.type(), leaf.content()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "the attachments cannot be read: " + String.join("; ", problems) + AFTERWARDS);
        }
        return List.copyOf(out);
    }
}
