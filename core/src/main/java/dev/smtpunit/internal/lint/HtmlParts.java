package dev.smtpunit.internal.lint;

import dev.smtpunit.internal.html.HtmlTokens;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The inline HTML and text parts of a message, decoded, and the Content-IDs of all its parts. */
final class HtmlParts {
    /** One inline text part: its node, decoded text and (for HTML) tokens. */
    record TextPart(MimePart part, String text, List<HtmlTokens.Token> tokens, int decodedBytes) {
        boolean html() {
            return part.mimeType.equals("text/html");
        }
    }

    final List<TextPart> texts = new ArrayList<>();
    /** Content-ID without angle brackets to media type. */
    final Map<String, String> contentIds = new HashMap<>();
    /** Leaves that are images, inline or attached. */
    final List<MimePart> images = new ArrayList<>();

    boolean amp;

    static HtmlParts of(LintContext c) {
        HtmlParts h = new HtmlParts();
        for (MimePart p : c.leaves()) {
            HeaderField id = p.entity.first("Content-ID");
            if (id != null) {
                h.contentIds.put(unbracket(id.value()), p.mimeType);
            }
            if (p.mimeType.startsWith("image/")) {
                h.images.add(p);
            }
            if (p.mimeType.equals("text/x-amp-html")) {
                h.amp = true;
            }
            if ((p.mimeType.equals("text/html") || p.mimeType.equals("text/plain")) && !CharsetRules.isAttachment(p)) {
                byte[] decoded = Bodies.decoded(c.source, p);
                String text = new String(decoded, charset(p.parameter("charset")));
                h.texts.add(new TextPart(
                        p,
                        text,
                        p.mimeType.equals("text/html") ? HtmlTokens.tokenize(text) : List.of(),
                        decoded.length));
            }
        }
        return h;
    }

    static String unbracket(String value) {
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1);
        }
        return v.strip();
    }

    /** The media type of the part a cid: URL (without {@code cid:}, percent-encoded as RFC 2392 says) names, or null. */
    String cidType(String cid) {
        String raw = cid.strip();
        String type = contentIds.get(raw);
        if (type != null) {
            return type;
        }
        try {
            return contentIds.get(java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8)
                    .strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
