package dev.smtpunit.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small tolerant CSS reader for what mail checks need: at-rules with their preludes, selectors,
 * declarations (property, value, {@code !important}), comments and nested rules. Strings and comments
 * are respected; unbalanced input runs to its end instead of failing.
 */
public final class CssScan {
    /** At-rules whose block holds rules; others ({@code @font-face}, {@code @page}) hold declarations. */
    private static final Set<String> GROUPING = Set.of("media", "supports", "document", "layer", "container", "scope");

    /**
     * A declaration.
     *
     * @param property the property, lower-case
     * @param value the value without {@code !important}, comments removed
     * @param important whether it was {@code !important}
     */
    public record Declaration(String property, String value, boolean important) {
        @Override
        public String toString() {
            return property + ":" + value + (important ? " !important" : "");
        }
    }

    /**
     * An at-rule.
     *
     * @param name the name without {@code @}, lower-case
     * @param prelude what stands between the name and the block or semicolon
     */
    public record AtRule(String name, String prelude) {}

    /** What a style sheet or a style attribute uses. */
    public static final class Result {
        /** The declarations, in order. */
        public final List<Declaration> declarations = new ArrayList<>();
        /** The at-rules, in order. */
        public final List<AtRule> atRules = new ArrayList<>();
        /** The selectors of style rules (each one a selector list as written), in order. */
        public final List<String> selectors = new ArrayList<>();
        /** Whether a comment appears. */
        public boolean comments;
        /** Whether a style rule holds another rule (CSS nesting). */
        public boolean nesting;
    }

    private final String css;
    private final Result result;
    private int pos;

    private CssScan(String css, Result result) {
        this.css = css;
        this.result = result;
    }

    /**
     * @param css the contents of a {@code <style>} element
     * @param into where to add what it uses
     */
    public static void styleSheet(String css, Result into) {
        CssScan scan = new CssScan(stripComments(css, into), into);
        scan.rules(false);
    }

    /**
     * @param style the value of a {@code style} attribute
     * @param into where to add what it uses
     */
    public static void declarations(String style, Result into) {
        declarationList(stripComments(style, into), into);
    }

    private void rules(boolean insideKeyframes) {
        while (pos < css.length()) {
            int stop = scanTo(pos, "{;}");
            String prelude = css.substring(pos, stop).strip();
            if (stop >= css.length()) {
                return;
            }
            char c = css.charAt(stop);
            pos = stop + 1;
            if (c == '}') {
                return;
            }
            if (prelude.startsWith("@")) {
                int nameEnd = 1;
                while (nameEnd < prelude.length()
                        && (Character.isLetterOrDigit(prelude.charAt(nameEnd)) || prelude.charAt(nameEnd) == '-')) {
                    nameEnd++;
                }
                String name = prelude.substring(1, nameEnd).toLowerCase(Locale.ROOT);
                result.atRules.add(new AtRule(name, prelude.substring(nameEnd).strip()));
                if (c == '{') {
                    if (GROUPING.contains(name)) {
                        rules(false);
                    } else if (name.endsWith("keyframes")) {
                        rules(true);
                    } else {
                        block(false);
                    }
                }
            } else if (c == '{') {
                if (!insideKeyframes && !prelude.isEmpty()) {
                    result.selectors.add(prelude);
                }
                block(true);
            }
        }
    }

    /** A declaration block starting after its brace; nested rules inside a style rule are CSS nesting. */
    private void block(boolean styleRule) {
        StringBuilder declarations = new StringBuilder();
        while (pos < css.length()) {
            int stop = scanTo(pos, "{;}");
            if (stop >= css.length()) {
                declarations.append(css, pos, stop);
                pos = stop;
                break;
            }
            char c = css.charAt(stop);
            if (c == '{') {
                if (styleRule) {
                    result.nesting = true;
                }
                String prelude = css.substring(pos, stop).strip();
                pos = stop + 1;
                if (!prelude.startsWith("@")) {
                    result.selectors.add(prelude);
                }
                block(styleRule);
                continue;
            }
            declarations.append(css, pos, stop).append(';');
            pos = stop + 1;
            if (c == '}') {
                break;
            }
        }
        declarationList(declarations.toString(), result);
    }

    private static void declarationList(String text, Result into) {
        for (String part : splitTopLevel(text, ';')) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String property = part.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(colon + 1).strip();
            boolean important = false;
            int bang = value.lastIndexOf('!');
            if (bang >= 0 && value.substring(bang + 1).strip().equalsIgnoreCase("important")) {
                important = true;
                value = value.substring(0, bang).strip();
            }
            if (!property.isEmpty()
                    && property.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
                into.declarations.add(new Declaration(property, value, important));
            }
        }
    }

    /** {@return the index of the first of these characters outside strings and parentheses, or the length} */
    private int scanTo(int from, String stops) {
        int depth = 0;
        for (int i = from; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'') {
                int end = css.indexOf(c, i + 1);
                i = end < 0 ? css.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && stops.indexOf(c) >= 0) {
                return i;
            }
        }
        return css.length();
    }

    /**
     * @param text a list
     * @param separator the separator
     * @return the items between separators outside strings, parentheses and brackets
     */
    public static List<String> splitTopLevel(String text, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() - 1 : end;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == separator && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static String stripComments(String css, Result into) {
        if (!css.contains("/*")) {
            return css;
        }
        StringBuilder sb = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'') {
                int end = css.indexOf(c, i + 1);
                int stop = end < 0 ? css.length() : end + 1;
                sb.append(css, i, stop);
                i = stop;
            } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                into.comments = true;
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
                sb.append(' ');
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
