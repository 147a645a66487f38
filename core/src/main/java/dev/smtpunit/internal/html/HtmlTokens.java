package dev.smtpunit.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tolerant HTML tokenizer: start and end tags with their attributes, text, comments and the
 * doctype, in document order; never throws on broken markup (an unclosed tag or comment runs to the
 * end). The contents of {@code <style>}, {@code <script>}, {@code <textarea>} and {@code <title>} are
 * one raw text token each. It builds no tree: the checks need what is used, not how it nests. Our own
 * rather than jsoup so that nothing lands on a user's class path next to (and possibly clashing with)
 * the application's own jsoup.
 */
public final class HtmlTokens {
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", "\u00a0"),
            Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"),
            Map.entry("zwnj", "\u200c"),
            Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"),
            Map.entry("hellip", "\u2026"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rdquo", "\u201d"),
            Map.entry("ldquo", "\u201c"),
            Map.entry("middot", "\u00b7"),
            Map.entry("bull", "\u2022"),
            Map.entry("trade", "\u2122"),
            Map.entry("euro", "\u20ac"),
            Map.entry("zwj", "\u200d"),
            Map.entry("shy", "\u00ad"));

    /** One token of the document. */
    public sealed interface Token permits StartTag, EndTag, Text, Comment, Doctype {
        /** {@return the offset of the token in the document} */
        int offset();
    }

    /**
     * An attribute; the name lower-case, the value entity-decoded (empty when the attribute has none).
     *
     * @param name the name
     * @param value the value
     */
    public record Attribute(String name, String value) {}

    /**
     * A start tag.
     *
     * @param name the element name, lower-case
     * @param attributes the attributes in order
     * @param selfClosing whether it ended with {@code />}
     * @param offset where it starts
     * @param source the tag as written, for evidence
     */
    public record StartTag(String name, List<Attribute> attributes, boolean selfClosing, int offset, String source)
            implements Token {
        /**
         * @param attribute a lower-case attribute name
         * @return the value of the first such attribute, or null when absent
         */
        public String attribute(String attribute) {
            for (Attribute a : attributes) {
                if (a.name().equals(attribute)) {
                    return a.value();
                }
            }
            return null;
        }
    }

    /**
     * An end tag.
     *
     * @param name the element name, lower-case
     * @param offset where it starts
     */
    public record EndTag(String name, int offset) implements Token {}

    /**
     * Character data, entity-decoded (raw for the contents of style and script).
     *
     * @param text the text
     * @param offset where it starts
     */
    public record Text(String text, int offset) implements Token {}

    /**
     * A comment.
     *
     * @param text the text between {@code <!--} and {@code -->}
     * @param offset where it starts
     */
    public record Comment(String text, int offset) implements Token {}

    /**
     * A doctype or other {@code <!...>} declaration.
     *
     * @param text the text between {@code <!} and {@code >}
     * @param offset where it starts
     */
    public record Doctype(String text, int offset) implements Token {}

    private HtmlTokens() {}

    /**
     * @param html the document
     * @return its tokens in order
     */
    public static List<Token> tokenize(String html) {
        List<Token> out = new ArrayList<>();
        int n = html.length();
        int i = 0;
        int textStart = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<' || i + 1 >= n) {
                i++;
                continue;
            }
            char next = html.charAt(i + 1);
            boolean tagStart = Character.isLetter(next) || next == '/' || next == '!' || next == '?';
            if (!tagStart) {
                i++;
                continue;
            }
            text(html, textStart, i, out);
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                int stop = end < 0 ? n : end;
                out.add(new Comment(html.substring(i + 4, stop), i));
                i = end < 0 ? n : end + 3;
            } else if (next == '!' || next == '?') {
                int end = html.indexOf('>', i);
                int stop = end < 0 ? n : end;
                out.add(new Doctype(html.substring(i + 2, stop), i));
                i = end < 0 ? n : end + 1;
            } else if (next == '/') {
                int p = i + 2;
                int nameStart = p;
                while (p < n && isNameChar(html.charAt(p))) {
                    p++;
                }
                int end = html.indexOf('>', p);
                if (p > nameStart) {
                    out.add(new EndTag(html.substring(nameStart, p).toLowerCase(Locale.ROOT), i));
                }
                i = end < 0 ? n : end + 1;
            } else {
                i = startTag(html, i, out);
                Token last = out.get(out.size() - 1);
                if (last instanceof StartTag tag && isRawText(tag.name()) && !tag.selfClosing()) {
                    String close = "</" + tag.name();
                    int end = indexOfIgnoreCase(html, close, i);
                    int stop = end < 0 ? n : end;
                    String raw = html.substring(i, stop);
                    out.add(new Text(tag.name().equals("style") || tag.name().equals("script") ? raw : decode(raw), i));
                    i = stop;
                }
            }
            textStart = i;
        }
        text(html, textStart, n, out);
        return out;
    }

    private static boolean isRawText(String name) {
        return name.equals("style") || name.equals("script") || name.equals("textarea") || name.equals("title");
    }

    private static int startTag(String html, int from, List<Token> out) {
        int n = html.length();
        int p = from + 1;
        int nameStart = p;
        while (p < n && isNameChar(html.charAt(p))) {
            p++;
        }
        String name = html.substring(nameStart, p).toLowerCase(Locale.ROOT);
        List<Attribute> attributes = new ArrayList<>();
        boolean selfClosing = false;
        while (p < n) {
            char c = html.charAt(p);
            if (c == '>') {
                p++;
                break;
            }
            if (c == '/') {
                selfClosing = p + 1 < n && html.charAt(p + 1) == '>';
                p++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                p++;
                continue;
            }
            int attrStart = p;
            while (p < n && !Character.isWhitespace(html.charAt(p)) && "=>/".indexOf(html.charAt(p)) < 0) {
                p++;
            }
            if (p == attrStart) {
                p++;
                continue;
            }
            String attrName = html.substring(attrStart, p).toLowerCase(Locale.ROOT);
            int q = skipSpace(html, p);
            String value = "";
            if (q < n && html.charAt(q) == '=') {
                q = skipSpace(html, q + 1);
                if (q < n && (html.charAt(q) == '"' || html.charAt(q) == '\'')) {
                    char quote = html.charAt(q);
                    int end = html.indexOf(quote, q + 1);
                    int stop = end < 0 ? n : end;
                    value = decode(html.substring(q + 1, stop));
                    p = end < 0 ? n : end + 1;
                } else {
                    int vs = q;
                    while (q < n && !Character.isWhitespace(html.charAt(q)) && html.charAt(q) != '>') {
                        q++;
                    }
                    value = decode(html.substring(vs, q));
                    p = q;
                }
            }
            attributes.add(new Attribute(attrName, value));
        }
        out.add(new StartTag(name, List.copyOf(attributes), selfClosing, from, html.substring(from, Math.min(p, n))));
        return p;
    }

    private static int skipSpace(String s, int p) {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_';
    }

    private static void text(String html, int from, int to, List<Token> out) {
        if (to > from) {
            out.add(new Text(decode(html.substring(from, to)), from));
        }
    }

    static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = from; i <= s.length() - needle.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param s text with character references
     * @return the text with the named references we know and all numeric ones replaced
     */
    public static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            sb.append(s, i, amp);
            int semi = s.indexOf(';', amp);
            String ref = semi > amp && semi - amp <= 10 ? s.substring(amp + 1, semi) : null;
            String replacement = ref == null ? null : reference(ref);
            if (replacement == null) {
                sb.append('&');
                i = amp + 1;
            } else {
                sb.append(replacement);
                i = semi + 1;
            }
            amp = s.indexOf('&', i);
        }
        sb.append(s, i, s.length());
        return sb.toString();
    }

    private static String reference(String ref) {
        if (ref.startsWith("#")) {
            try {
                int cp = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                        ? Integer.parseInt(ref.substring(2), 16)
                        : Integer.parseInt(ref.substring(1));
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(ref.toLowerCase(Locale.ROOT).equals(ref) ? ref : ref.toLowerCase(Locale.ROOT));
    }
}
