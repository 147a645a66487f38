package dev.smtpunit.internal.html;

import dev.smtpunit.internal.html.HtmlTokens.EndTag;
import dev.smtpunit.internal.html.HtmlTokens.StartTag;
import dev.smtpunit.internal.html.HtmlTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The links of an HTML or plain-text part, with the text a reader sees for them. */
public final class HtmlLinks {
    private static final Pattern TEXT_URL = Pattern.compile("(?i)\\b(?:https?://|mailto:)[^\\s<>\"'\\[\\]{}|\\\\^`]+");

    /**
     * A link as found.
     *
     * @param url the URL as written (entities decoded, surrounding spaces removed)
     * @param text the anchor text with whitespace collapsed (the image {@code alt} when an image is the anchor),
     *             or the URL itself in plain text
     * @param offset where it starts in the part's text
     */
    public record Found(String url, String text, int offset) {}

    private HtmlLinks() {}

    /**
     * @param tokens an HTML part's tokens
     * @return the {@code href}s of {@code <a>} and {@code <area>} elements, in order
     */
    public static List<Found> fromHtml(List<Token> tokens) {
        List<Found> out = new ArrayList<>();
        StartTag open = null;
        StringBuilder text = new StringBuilder();
        StringBuilder alt = new StringBuilder();
        boolean inRaw = false;
        for (Token t : tokens) {
            if (t instanceof StartTag tag) {
                inRaw = tag.name().equals("style")
                        || tag.name().equals("script")
                        || tag.name().equals("title");
                if (tag.name().equals("a")) {
                    close(open, text, alt, out);
                    open = tag.attribute("href") == null ? null : tag;
                    text.setLength(0);
                    alt.setLength(0);
                } else if (tag.name().equals("area") && tag.attribute("href") != null) {
                    out.add(new Found(
                            tag.attribute("href").strip(), collapse(nullToEmpty(tag.attribute("alt"))), tag.offset()));
                } else if (tag.name().equals("img") && open != null && tag.attribute("alt") != null) {
                    alt.append(' ').append(tag.attribute("alt"));
                }
            } else if (t instanceof EndTag end) {
                inRaw = false;
                if (end.name().equals("a")) {
                    close(open, text, alt, out);
                    open = null;
                }
            } else if (t instanceof HtmlTokens.Text x && open != null && !inRaw) {
                text.append(x.text());
            }
        }
        close(open, text, alt, out);
        return out;
    }

    private static void close(StartTag open, StringBuilder text, StringBuilder alt, List<Found> out) {
        if (open == null) {
            return;
        }
        String shown = collapse(text.toString());
        out.add(new Found(
                open.attribute("href").strip(), shown.isEmpty() ? collapse(alt.toString()) : shown, open.offset()));
    }

    /**
     * @param text a plain-text part
     * @return the http, https and mailto URLs in it, in order, trailing punctuation removed
     */
    public static List<Found> fromText(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = TEXT_URL.matcher(text);
        while (m.find()) {
            String url = m.group();
            while (!url.isEmpty() && ".,;:!?)>".indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
            }
            out.add(new Found(url, url, m.start()));
        }
        return out;
    }

    /**
     * @param tokens an HTML part's tokens
     * @return the visible text (outside style, script and title), whitespace collapsed
     */
    public static String visibleText(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        boolean inRaw = false;
        for (Token t : tokens) {
            if (t instanceof StartTag tag) {
                inRaw = tag.name().equals("style")
                        || tag.name().equals("script")
                        || tag.name().equals("title");
            } else if (t instanceof EndTag) {
                inRaw = false;
            } else if (t instanceof HtmlTokens.Text x && !inRaw) {
                sb.append(x.text()).append(' ');
            }
        }
        return collapse(sb.toString());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String collapse(String s) {
        return s.replace('\u00a0', ' ')
                .replaceAll("[\\s\u200c\u200d\u00ad]+", " ")
                .strip();
    }
}
