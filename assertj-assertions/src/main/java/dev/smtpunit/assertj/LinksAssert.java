package dev.smtpunit.assertj;

import dev.smtpunit.LinkCheck;
import dev.smtpunit.MailLink;
import dev.smtpunit.assertj.internal.ShouldHave;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions on all the links of a message, reached with {@code assertThat(mail).links()}.
 *
 * <pre>{@code
 * assertThat(mail).links().areAllHttps().areReachable(LinkCheck.hosts("127.0.0.1"));
 * }</pre>
 */
public class LinksAssert extends AbstractAssert<LinksAssert, List<MailLink>> {

    /**
     * Creates the assertions; tests reach them from {@link ReceivedMessageAssert#links()}.
     *
     * @param actual the links
     */
    public LinksAssert(List<MailLink> actual) {
        super(actual, LinksAssert.class);
    }

    /** {@return the links, for the next step of the test} */
    public List<MailLink> list() {
        return actual;
    }

    /**
     * There are exactly this many links.
     * <pre>{@code assertThat(mail).links().hasCount(3);}</pre>
     *
     * @param count the expected number
     * @return this
     */
    public LinksAssert hasCount(int count) {
        isNotNull();
        if (actual.size() != count) {
            throwAssertionError(ShouldHave.links(
                    count + (count == 1 ? " link" : " links"), "found " + actual.size() + ":" + list(actual)));
        }
        return this;
    }

    /**
     * Every http(s) link is {@code https:} ({@code mailto:} links are left alone).
     * <pre>{@code assertThat(mail).links().areAllHttps();}</pre>
     *
     * @return this
     */
    public LinksAssert areAllHttps() {
        isNotNull();
        List<MailLink> plain = actual.stream()
                .filter(l -> l.url().regionMatches(true, 0, "http:", 0, 5))
                .toList();
        if (!plain.isEmpty()) {
            throwAssertionError(ShouldHave.links(
                    "every link to be https:",
                    plain.size() + (plain.size() == 1 ? " is" : " are") + " http::" + list(plain)));
        }
        return this;
    }

    /**
     * Every link to one of the check's hosts answers 2xx or 3xx; links to other hosts are skipped, never fetched.
     * <pre>{@code assertThat(mail).links().areReachable(LinkCheck.hosts("127.0.0.1"));}</pre>
     *
     * @param check the hosts that may be contacted
     * @return this
     */
    public LinksAssert areReachable(LinkCheck check) {
        isNotNull();
        List<LinkCheck.Result> broken = check.check(actual).stream()
                .filter(r -> r.outcome() == LinkCheck.Outcome.BROKEN)
                .toList();
        if (!broken.isEmpty()) {
            throwAssertionError(ShouldHave.links(
                    "the links to " + check.allowedHosts() + " to answer",
                    broken.size() + (broken.size() == 1 ? " is" : " are") + " broken:"
                            + broken.stream().map(r -> ShouldHave.NL + "  " + r).collect(Collectors.joining())));
        }
        return this;
    }

    static String list(List<MailLink> links) {
        return links.isEmpty()
                ? " none"
                : links.stream().map(l -> ShouldHave.NL + "  " + l).collect(Collectors.joining());
    }
}
