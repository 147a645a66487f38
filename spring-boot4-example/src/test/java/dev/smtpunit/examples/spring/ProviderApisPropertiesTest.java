package dev.smtpunit.examples.spring;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients an application builds from its own properties reach the context's provider APIs through
 * {@code smtpunit.provider-apis.url} and {@code smtpunit.provider-apis.host-and-port}.
 */
@SpringBootTest(
        properties = {
            "app.mailgun.base-url=${smtpunit.provider-apis.url}",
            "app.postmark.host=${smtpunit.provider-apis.host-and-port}"
        })
@SmtpServer
class ProviderApisPropertiesTest {

    @Value("${app.mailgun.base-url}")
    String mailgunBaseUrl;

    @Value("${app.postmark.host}")
    String postmarkHost;

    @Test
    void thePropertiesNameTheContextsApis(MockProviderApis apis) {
        assertThat(mailgunBaseUrl).isEqualTo(apis.baseUrl(Provider.MAILGUN));
        assertThat(postmarkHost).isEqualTo(apis.hostAndPort());
    }

    @Test
    void aMailgunCallToThePropertysUrlArrivesInTheMailbox(MockSmtpServer smtp) throws Exception {
        String form = "from=shop%40app.example&to=ada%40example.com&subject=Shipped&text=Your+order+is+on+its+way";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(mailgunBaseUrl + "/v3/mg.app.example/messages"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "api:key-test".getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(smtp.mailbox())
                .hasMessageCount(1)
                .hasMessageTo("ada@example.com")
                .hasSubject("Shipped");
        assertThat(smtp.mailbox().messages().get(0).providerData().orElseThrow().provider())
                .isEqualTo(Provider.MAILGUN);
    }
}
