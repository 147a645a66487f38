package dev.smtpunit.junit5;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ReceivedMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@SmtpServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderApisInjectionTest {
    private static MockProviderApis first;

    @Test
    @Order(1)
    void aParameterGetsTheApisOfTheTestsServer(MockSmtpServer smtp, MockProviderApis apis) throws Exception {
        first = apis;
        String body =
                "{\"personalizations\":[{\"to\":[{\"email\":\"ada@example.com\"}]}],\"from\":{\"email\":\"app@example.com\"},"
                        + "\"subject\":\"Welcome\",\"content\":[{\"type\":\"text/plain\",\"value\":\"Hello\"}]}";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send"))
                                .header("Authorization", "Bearer SG.test")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(mail.subject()).isEqualTo("Welcome");
        assertThat(apis.mailbox()).isSameAs(smtp.mailbox());
    }

    @Test
    @Order(2)
    void eachTestGetsItsOwnApisAndTheLastOnesAreStopped(MockProviderApis apis) {
        assertThat(apis).isNotSameAs(first);
        assertThat(apis.isRunning()).isTrue();
        assertThat(first.isRunning()).isFalse();
        assertThat(apis.faults().rules()).isEmpty();
    }

    @AfterAll
    static void forget() {
        first = null;
    }
}
