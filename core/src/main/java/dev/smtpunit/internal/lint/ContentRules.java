package dev.smtpunit.internal.lint;

import dev.smtpunit.internal.html.HtmlLinks;
import dev.smtpunit.internal.html.HtmlTokens;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What senders learn in production about what recipients see: Gmail's clipping, images that do not
 * show or have no text, HTML without a text alternative, and links that go nowhere, look like
 * phishing or disagree with List-Unsubscribe.
 */
final class ContentRules implements LintRule {
    /** Gmail clips a message whose HTML exceeds about 102 KB. */
    static final int GMAIL_CLIP_BYTES = 102 * 1024;

    private static final String CLIP_SOURCE =
            "Gmail clips HTML over about 102 KB (observed behaviour, not in Google's help)";
    private static final Pattern URL_LIKE =
            Pattern.compile("(?i)^(?:https?://|www\\.)([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,})(?:[/:?#]\\S*)?$");
    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("(?i)unsubscribe|opt[- ]?out|abmelden|d[ée]sinscri|désabonner|darse de baja");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|\\}\\}|\\$\\{|\\*\\||\\|\\*|%%|\\[\\[");
    private static final Pattern CSS_CID = Pattern.compile("(?i)url\\(\\s*['\"]?cid:([^'\")]*)");

    @Override
    public void check(LintContext c) {
        HtmlParts parts = c.htmlParts();
        boolean hasText = parts.texts.stream().anyMatch(t -> !t.html());
        List<HtmlLinks.Found> unsubscribeLinks = new ArrayList<>();
        boolean imagesAnywhere = !parts.images.isEmpty();
        boolean visibleTextAnywhere = false;
        for (HtmlParts.TextPart text : parts.texts) {
            if (!text.html()) {
                visibleTextAnywhere |= !text.text().isBlank();
                continue;
            }
            MimePart p = text.part();
            int at = at(p);
            if (text.decodedBytes() > GMAIL_CLIP_BYTES) {
                c.warning(
                        "content.gmail-clip",
                        CLIP_SOURCE,
                        String.format(
                                Locale.ROOT,
                                "the HTML part is %,d bytes (%.1f KB);"
                                        + " Gmail clips beyond %,d bytes (102 KB) and hides the rest, unsubscribe link included, behind"
                                        + " \"View entire message\"",
                                text.decodedBytes(),
                                text.decodedBytes() / 1024.0,
                                GMAIL_CLIP_BYTES),
                        "",
                        p.path,
                        at);
            }
            if (!hasText) {
                c.warning(
                        "content.html.no-text-alternative",
                        "RFC 2046 section 5.1.4; spam filters score HTML-only mail",
                        "the HTML part has no text/plain alternative (multipart/alternative with a text/plain part first)",
                        "",
                        p.path,
                        at);
            }
            String visible = HtmlLinks.visibleText(text.tokens());
            visibleTextAnywhere |= !visible.isEmpty();
            images(c, parts, text, at);
            imagesAnywhere |= text.tokens().stream()
                    .anyMatch(
                            t -> t instanceof HtmlTokens.StartTag s && s.name().equals("img"));
            for (HtmlLinks.Found link : HtmlLinks.fromHtml(text.tokens())) {
                link(c, link, p.path, at);
                if (UNSUBSCRIBE.matcher(link.text()).find()
                        || UNSUBSCRIBE.matcher(link.url()).find()) {
                    unsubscribeLinks.add(link);
                }
            }
        }
        for (HtmlParts.TextPart text : parts.texts) {
            if (!text.html()) {
                for (HtmlLinks.Found link : HtmlLinks.fromText(text.text())) {
                    if (UNSUBSCRIBE.matcher(link.url()).find()) {
                        unsubscribeLinks.add(link);
                    }
                }
            }
        }
        if (imagesAnywhere && !visibleTextAnywhere) {
            c.warning(
                    "content.images.no-text",
                    "spam filters score image-only mail",
                    "the message shows images but no text"
                            + " (no text/plain part and no visible text in the HTML); recipients who block images see nothing",
                    "",
                    "",
                    -1);
        }
        unsubscribe(c, unsubscribeLinks);
    }

    private static int at(MimePart p) {
        HeaderField ct = p.entity.first("Content-Type");
        return ct == null ? p.entity.start() : ct.start();
    }

    private static void images(LintContext c, HtmlParts parts, HtmlParts.TextPart text, int at) {
        String path = text.part().path;
        for (HtmlTokens.Token t : text.tokens()) {
            if (!(t instanceof HtmlTokens.StartTag tag)) {
                continue;
            }
            String src = tag.name().equals("img") ? tag.attribute("src") : null;
            if (tag.name().equals("img") && tag.attribute("alt") == null) {
                c.warning(
                        "content.image.alt-missing",
                        "WCAG 2.1 success criterion 1.1.1; HTML section 4.8.4.4",
                        "<img src=\"" + shorten(src == null ? "" : src)
                                + "\"> has no alt attribute; a client that blocks images"
                                + " shows nothing in its place (use alt=\"\" for a decorative image)",
                        "",
                        path,
                        at);
            }
            List<String> cids = new ArrayList<>();
            for (String candidate : new String[] {src, tag.attribute("background")}) {
                if (candidate != null && candidate.strip().regionMatches(true, 0, "cid:", 0, 4)) {
                    cids.add(candidate.strip().substring(4));
                }
            }
            String style = tag.attribute("style");
            if (style != null) {
                Matcher m = CSS_CID.matcher(style);
                while (m.find()) {
                    cids.add(m.group(1));
                }
            }
            for (String cid : cids) {
                if (parts.cidType(cid) == null) {
                    c.error(
                            "content.image.cid-missing",
                            "RFC 2392 section 2",
                            "cid:" + cid + " names no part of the" + " message (no Content-ID <" + cid
                                    + ">); the image shows broken",
                            "",
                            path,
                            at);
                }
            }
        }
    }

    private static void link(LintContext c, HtmlLinks.Found link, String path, int at) {
        String url = link.url();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("#") || lower.startsWith("javascript:")) {
            return;
        }
        if (lower.startsWith("mailto:")) {
            String address = url.substring(7).replaceFirst("\\?.*", "").strip();
            if (address.isEmpty()) {
                c.error(
                        "link.mailto.empty",
                        "RFC 6068 section 2",
                        "<a href=\"" + shorten(url) + "\"> names no address;"
                                + " the reader's mail program opens a message to nobody",
                        "",
                        path,
                        at);
            }
            return;
        }
        URI uri = uri(url);
        if (uri == null || !uri.isAbsolute() || uri.getScheme() == null) {
            c.error(
                    "link.relative",
                    "RFC 3986 section 5.1 (a mail has no base URI)",
                    "<a href=\"" + shorten(url)
                            + "\"> is not an absolute URL; in a mail it leads nowhere"
                            + (PLACEHOLDER.matcher(url).find() ? " (an unrendered template placeholder?)" : ""),
                    "",
                    path,
                    at);
            return;
        }
        if (uri.getScheme().equalsIgnoreCase("http")) {
            c.warning(
                    "link.http",
                    "mail clients and browsers flag http: links as not secure",
                    "<a href=\"" + shorten(url) + "\"> uses http:; use https:",
                    "",
                    path,
                    at);
        }
        Matcher shown = URL_LIKE.matcher(link.text());
        if (shown.matches() && uri.getHost() != null) {
            String shownHost = shown.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (!host.equals(shownHost) && !host.endsWith("." + shownHost) && !shownHost.endsWith("." + host)) {
                c.warning(
                        "link.text-mismatch",
                        "phishing heuristics of mailbox providers",
                        "the link text \"" + shorten(link.text()) + "\" shows " + shownHost + " but the link goes to "
                                + host,
                        "",
                        path,
                        at);
            }
        }
    }

    private static void unsubscribe(LintContext c, List<HtmlLinks.Found> bodyLinks) {
        HeaderField field = c.top.first("List-Unsubscribe");
        if (field == null || bodyLinks.isEmpty()) {
            return;
        }
        List<String> headerUrls = new ArrayList<>();
        Matcher m = Pattern.compile("<\\s*(https?://[^>]*?)\\s*>").matcher(field.value());
        while (m.find()) {
            headerUrls.add(m.group(1).replaceAll("\\s+", ""));
        }
        if (headerUrls.isEmpty()) {
            return;
        }
        for (String h : headerUrls) {
            for (HtmlLinks.Found b : bodyLinks) {
                if (sameResource(h, b.url())) {
                    return;
                }
            }
        }
        c.warning(
                "link.unsubscribe.mismatch",
                "RFC 2369 section 3.2; RFC 8058 section 3.1",
                "List-Unsubscribe names "
                        + shorten(headerUrls.get(0)) + " but the body's unsubscribe link is "
                        + shorten(bodyLinks.get(0).url())
                        + "; one of them is probably stale",
                "List-Unsubscribe",
                "",
                field.start());
    }

    private static boolean sameResource(String a, String b) {
        URI x = uri(a);
        URI y = uri(b);
        if (x == null || y == null || x.getHost() == null || y.getHost() == null) {
            return a.equals(b);
        }
        return x.getHost().equalsIgnoreCase(y.getHost())
                && trimSlash(x.getRawPath()).equals(trimSlash(y.getRawPath()));
    }

    private static String trimSlash(String p) {
        String s = p == null ? "" : p;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static URI uri(String url) {
        try {
            return new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
