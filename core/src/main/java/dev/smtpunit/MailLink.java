package dev.smtpunit;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A link in a received message: from an {@code <a href>} or {@code <area href>} of an HTML part, or a
 * {@code http:}, {@code https:} or {@code mailto:} URL in a plain-text part.
 *
 * <pre>{@code
 * MailLink confirm = mail.links().stream().filter(l -> l.url().contains("/confirm")).findFirst().orElseThrow();
 * String token = confirm.queryParameter("token").orElseThrow();
 * }</pre>
 *
 * @param url the URL as written (character references decoded)
 * @param text the text the reader sees for it: the anchor text (whitespace collapsed; an image's
 *             {@code alt} when an image is the anchor), or the URL itself in plain text
 * @param contentType {@code text/html} or {@code text/plain}
 * @param part the MIME part path it came from ({@code 1.2} is the second part of the first), empty for the top level
 */
public record MailLink(String url, String text, String contentType, String part) {

    /**
     * Creates a link, checking its components.
     *
     * @param url the URL
     * @param text the visible text
     * @param contentType the part's type
     * @param part the part path
     */
    public MailLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(part, "part");
    }

    /** {@return the URL parsed, or empty when it is not a valid URI (an unrendered template placeholder, say)} */
    public Optional<URI> uri() {
        try {
            return Optional.of(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@return the host, lower-case, or an empty string for a mailto: or relative link} */
    public String host() {
        return uri().map(URI::getHost)
                .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .orElse("");
    }

    /**
     * Returns the first value of a query parameter, percent-decoded.
     * <pre>{@code String token = link.queryParameter("token").orElseThrow();}</pre>
     *
     * @param name the parameter name, matched exactly
     * @return its first value (empty string for {@code ?name} without {@code =}), or empty when absent
     */
    public Optional<String> queryParameter(String name) {
        Objects.requireNonNull(name, "name");
        String rawQuery = uri().map(URI::getRawQuery).orElseGet(this::queryAsWritten);
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    /** The query of a URL that is not a valid URI (a malformed escape, say), as written. */
    private String queryAsWritten() {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = url.indexOf('#', q);
        return url.substring(q + 1, hash < 0 ? url.length() : hash);
    }

    /** Percent-decodes, keeping a malformed escape as written. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public String toString() {
        return url + (text.equals(url) ? "" : " \"" + text + "\"") + " ("
                + (part.isEmpty() ? "" : "part " + part + ", ") + contentType + ")";
    }
}
