package dev.smtpunit.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The provider APIs beside a WireMock stub of the same endpoint: start+stop and the cost of one
 * SendGrid Mail Send call over a kept-alive connection (JDK HttpClient), interleaved, medians of
 * rounds. Run with {@code mvn -q -Pbenchmarks -pl benchmarks -am verify -DskipTests
 * -Dbench.main=dev.smtpunit.benchmarks.ProviderApiBench}; prints a Markdown table.
 */
public final class ProviderApiBench {
    private static final int CYCLES = Boolean.getBoolean("bench.quick") ? 50 : 300;
    private static final int CALLS = Boolean.getBoolean("bench.quick") ? 500 : 5_000;
    private static final int ROUNDS = 5;
    private static final String BODY = "{\"personalizations\":[{\"to\":[{\"email\":\"ada@example.com\"}]}],"
            + "\"from\":{\"email\":\"app@example.com\"},\"subject\":\"Welcome\",\"content\":[{\"type\":\"text/plain\",\"value\":\"Hello\"}]}";

    private ProviderApiBench() {}

    /** One server under test. */
    private interface Server extends AutoCloseable {
        String url();

        @Override
        void close();
    }

    private static Server smtpUnit() {
        MockSmtpServer smtp = new MockSmtpServer();
        MockProviderApis apis = new MockProviderApis(smtp).start();
        return new Server() {
            public String url() {
                return apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send";
            }

            public void close() {
                apis.stop();
                smtp.mailbox().clear();
            }
        };
    }

    private static Server wireMock() {
        WireMockServer wm = new WireMockServer(
                wireMockConfig().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        wm.start();
        wm.stubFor(WireMock.post("/v3/mail/send")
                .willReturn(WireMock.aResponse().withStatus(202).withHeader("X-Message-Id", "x")));
        return new Server() {
            public String url() {
                return "http://127.0.0.1:" + wm.port() + "/v3/mail/send";
            }

            public void close() {
                wm.stop();
            }
        };
    }

    private static double startStopMillis(java.util.function.Supplier<Server> make) {
        long[] t = new long[CYCLES];
        for (int i = 0; i < CYCLES; i++) {
            long start = System.nanoTime();
            make.get().close();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[CYCLES / 2] / 1e6;
    }

    private static double perCallMicros(java.util.function.Supplier<Server> make) throws Exception {
        try (Server s = make.get()) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(s.url()))
                    .header("Authorization", "Bearer SG.bench")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY))
                    .build();
            for (int i = 0; i < CALLS / 5; i++) {
                check(client.send(request, HttpResponse.BodyHandlers.discarding()));
            }
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                check(client.send(request, HttpResponse.BodyHandlers.discarding()));
            }
            return (System.nanoTime() - start) / 1e3 / CALLS;
        }
    }

    private static void check(HttpResponse<?> r) {
        if (r.statusCode() != 202) {
            throw new IllegalStateException("expected 202, got " + r.statusCode());
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    public static void main(String[] args) throws Exception {
        double[][] startStop = new double[2][ROUNDS];
        double[][] perCall = new double[2][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            startStop[0][r] = startStopMillis(ProviderApiBench::smtpUnit);
            startStop[1][r] = startStopMillis(ProviderApiBench::wireMock);
            perCall[0][r] = perCallMicros(ProviderApiBench::smtpUnit);
            perCall[1][r] = perCallMicros(ProviderApiBench::wireMock);
        }
        System.out.println("\n| server | start+stop (median) | per SendGrid call, kept-alive |");
        System.out.println("|---|---|---|");
        String[] names = {"SmtpUnit MockProviderApis (parses, builds MIME, stores)", "WireMock stub (202 to anything)"};
        for (int i = 0; i < 2; i++) {
            System.out.println(String.format(
                    Locale.ROOT, "| %s | %.2f ms | %.0f µs |", names[i], median(startStop[i]), median(perCall[i])));
        }
    }
}
