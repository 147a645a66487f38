package dev.smtpunit.assertj;

import dev.smtpunit.LinkCheck;
import dev.smtpunit.MailLink;
import dev.smtpunit.assertj.internal.ShouldHave;
import org.assertj.core.api.AbstractObjectAssert;

import java.util.Optional;

/**
 * Assertions on one link of a message, reached with {@code assertThat(mail).hasLink(regex)}; the
 * link itself is {@link #link()}, and AssertJ's {@code extracting(...)} works on it.
 *
 * <pre>{@code
 * String token = assertThat(mail).hasLink("/confirm").isHttps().queryParameter("token");
 * }</pre>
 */
public class LinkAssert extends AbstractObjectAssert<LinkAssert, MailLink> {

    /**
     * Creates the assertions; tests reach them from {@link ReceivedMessageAssert#hasLink(String)}.
     *
     * @param actual the link
     */
    public LinkAssert(MailLink actual) {
        super(actual, LinkAssert.class);
    }

    /** True after a failed {@code hasLink} inside soft assertions: that failure is collected, and this link is not checked. */
    boolean skipped;

    /** {@return the link, for the next step of the test} */
    public MailLink link() {
        return actual;
    }

    private LinkAssert expect(boolean ok, String what, Object expected, Object was) {
        if (!ok && !skipped) {
            throwAssertionError(ShouldHave.link(actual, what, expected, String.valueOf(was)));
        }
        return this;
    }

    /**
     * The text the reader sees for the link equals this (whitespace collapsed).
     * <pre>{@code assertThat(mail).hasLink("/confirm").hasText("Confirm your address");}</pre>
     *
     * @param text the expected text
     * @return this
     */
    public LinkAssert hasText(String text) {
        if (skipped) {
            return this;
        }
        isNotNull();
        return expect(
                actual.text().equals(text), "have text", "\"" + text + "\"", "its text is \"" + actual.text() + "\"");
    }

    /**
     * The link goes to this host (case-insensitive).
     * <pre>{@code assertThat(mail).hasLink("/confirm").hasHost("shop.example");}</pre>
     *
     * @param host the host
     * @return this
     */
    public LinkAssert hasHost(String host) {
        if (skipped) {
            return this;
        }
        isNotNull();
        return expect(
                actual.host().equalsIgnoreCase(host),
                "go to host",
                host,
                actual.host().isEmpty() ? "it has no host" : "it goes to " + actual.host());
    }

    /**
     * The link is an {@code https:} URL.
     * <pre>{@code assertThat(mail).hasLink("/confirm").isHttps();}</pre>
     *
     * @return this
     */
    public LinkAssert isHttps() {
        if (skipped) {
            return this;
        }
        isNotNull();
        String scheme = actual.uri()
                .map(u -> u.getScheme() == null ? "" : u.getScheme())
                .orElse("");
        return expect(
                scheme.equalsIgnoreCase("https"),
                "be",
                "an https: URL",
                scheme.isEmpty() ? "it has no scheme" : "its scheme is " + scheme + ":");
    }

    /**
     * The link has this query parameter; returns its first value, percent-decoded, for the next step.
     * <pre>{@code String token = assertThat(mail).hasLink("/confirm").queryParameter("token");}</pre>
     *
     * @param name the parameter name
     * @return its value (empty for {@code ?name} without a value)
     */
    public String queryParameter(String name) {
        if (skipped) {
            return "";
        }
        isNotNull();
        Optional<String> value = actual.queryParameter(name);
        if (value.isEmpty()) {
            String query = actual.uri().map(u -> u.getRawQuery()).orElse(null);
            throwAssertionError(ShouldHave.link(
                    actual,
                    "have query parameter",
                    name,
                    query == null ? "it has no query" : "its query is: " + query));
        }
        return value.orElseThrow();
    }

    /**
     * The link answers: its host is among the check's hosts and a {@code GET} gets 2xx or 3xx.
     * A link to any other host fails here rather than reaching the internet.
     * <pre>{@code assertThat(mail).hasLink("/confirm").isReachable(LinkCheck.hosts("127.0.0.1"));}</pre>
     *
     * @param check the hosts that may be contacted
     * @return this
     */
    public LinkAssert isReachable(LinkCheck check) {
        if (skipped) {
            return this;
        }
        isNotNull();
        LinkCheck.Result result = check.check(actual);
        return expect(
                result.outcome() == LinkCheck.Outcome.WORKING,
                "answer",
                "2xx or 3xx",
                (result.outcome() == LinkCheck.Outcome.SKIPPED ? "it was not checked: " : "it is broken: ")
                        + result.detail());
    }
}
