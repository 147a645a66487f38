package dev.smtpunit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LinkCheck fetches only the named hosts, once per link, without following redirects. */
class LinkCheckTest {

    @Test
    void checksOnlyTheNamedHostsAndCountsRedirectsAsWorking() throws Exception {
        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger gone = new AtomicInteger();
        app.createContext("/ok", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        app.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/gone");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        app.createContext("/gone", x -> {
            gone.incrementAndGet();
            x.sendResponseHeaders(410, -1);
            x.close();
        });
        app.start();
        try {
            String base = "http://127.0.0.1:" + app.getAddress().getPort();
            List<LinkCheck.Result> results = LinkCheck.hosts("127.0.0.1")
                    .check(List.of(
                            link(base + "/ok"),
                            link(base + "/moved"),
                            link("https://shop.example/"),
                            link("mailto:help@shop.example")));
            assertThat(results)
                    .extracting(LinkCheck.Result::toString)
                    .containsExactly(
                            "WORKING " + base + "/ok: HTTP 200",
                            "WORKING " + base + "/moved: HTTP 302",
                            "SKIPPED https://shop.example/: host shop.example is not among the hosts to check [127.0.0.1]",
                            "SKIPPED mailto:help@shop.example: not an absolute http(s) URL");
            assertThat(gone).hasValue(0);
            assertThat(LinkCheck.hosts("127.0.0.1:1").check(link(base + "/ok")).outcome())
                    .isEqualTo(LinkCheck.Outcome.SKIPPED);
            assertThat(LinkCheck.hosts("127.0.0.1").check(link(base + "/gone")).toString())
                    .isEqualTo("BROKEN " + base + "/gone: HTTP 410");
        } finally {
            app.stop(0);
        }
    }

    @Test
    void namesAtLeastOneHost() {
        assertThatThrownBy(() -> LinkCheck.hosts())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "name at least one host"
                                + " to check links against, for example LinkCheck.hosts(\"127.0.0.1\"); links to other hosts are never followed");
    }

    private static MailLink link(String url) {
        return new MailLink(url, url, "text/plain", "");
    }
}
