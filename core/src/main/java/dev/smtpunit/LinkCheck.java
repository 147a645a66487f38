package dev.smtpunit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An opt-in live check of a message's links, against the hosts a test names and no others (the
 * application under test on {@code 127.0.0.1}, say): it never reaches the internet unless told to.
 * Each allowed {@code http:}/{@code https:} link gets one {@code GET} (redirects not followed); 2xx and
 * 3xx count as working. Links to other hosts, {@code mailto:} and unparsable links are skipped.
 *
 * <pre>{@code
 * List<LinkCheck.Result> results = LinkCheck.hosts("127.0.0.1:" + appPort).check(mail.links());
 * }</pre>
 */
public final class LinkCheck {
    /** What became of one link. */
    public enum Outcome {
        /** Answered 2xx or 3xx. */
        WORKING,
        /** Answered 4xx or 5xx, or the connection failed. */
        BROKEN,
        /** Not checked: its host is not allowed, or it is not an http(s) URL. */
        SKIPPED
    }

    /**
     * The check of one link.
     *
     * @param link the link
     * @param outcome working, broken or skipped
     * @param status the HTTP status, or 0 when there was none
     * @param detail why, in words
     */
    public record Result(MailLink link, Outcome outcome, int status, String detail) {
        @Override
        public String toString() {
            return outcome + " " + link.url() + ": " + detail;
        }
    }

    private final Set<String> hosts;
    private final Duration timeout;

    private LinkCheck(Set<String> hosts, Duration timeout) {
        this.hosts = hosts;
        this.timeout = timeout;
    }

    /**
     * Returns a check of links to these hosts only, with a 5 second timeout per link.
     *
     * @param hosts host names or addresses ({@code 127.0.0.1}, {@code localhost}), optionally with a port
     *              ({@code localhost:8080}: only that port); at least one
     * @return the check
     */
    public static LinkCheck hosts(String... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("name at least one host to check links against, for example"
                    + " LinkCheck.hosts(\"127.0.0.1\"); links to other hosts are never followed");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String h : hosts) {
            allowed.add(Objects.requireNonNull(h, "host").strip().toLowerCase(Locale.ROOT));
        }
        return new LinkCheck(Set.copyOf(allowed), Duration.ofSeconds(5));
    }

    /**
     * Returns this check with another timeout per link.
     *
     * @param timeout connect and response timeout, positive
     * @return the check with that timeout
     */
    public LinkCheck timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new LinkCheck(hosts, timeout);
    }

    /** {@return the hosts this check may contact} */
    public Set<String> allowedHosts() {
        return hosts;
    }

    /**
     * Checks links one after the other.
     *
     * @param links the links, for example {@link ReceivedMessage#links()}
     * @return one result per link, in order
     */
    public List<Result> check(List<MailLink> links) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<Result> out = new ArrayList<>();
        for (MailLink link : links) {
            out.add(check(client, link));
        }
        return List.copyOf(out);
    }

    /**
     * Checks one link.
     *
     * @param link the link
     * @return its result
     */
    public Result check(MailLink link) {
        return check(List.of(link)).get(0);
    }

    private Result check(HttpClient client, MailLink link) {
        URI uri = link.uri().orElse(null);
        if (uri == null
                || uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            return new Result(link, Outcome.SKIPPED, 0, "not an absolute http(s) URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        if (!hosts.contains(host) && !hosts.contains(host + ":" + port)) {
            return new Result(link, Outcome.SKIPPED, 0, "host " + host + " is not among the hosts to check " + hosts);
        }
        try {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(link, status < 400 ? Outcome.WORKING : Outcome.BROKEN, status, "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new Result(link, Outcome.BROKEN, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(link, Outcome.BROKEN, 0, "interrupted");
        }
    }

    @Override
    public String toString() {
        return "LinkCheck" + hosts;
    }
}
