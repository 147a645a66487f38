package dev.smtpunit.cli;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ReceivedMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpUnitCliApisTest {

    @Test
    void providerApisAreOffOnlyUntilAsked() {
        assertThat(SmtpUnitCli.parse(new String[0]).providerApis()).isFalse();
        assertThat(SmtpUnitCli.parse(new String[] {"--provider-apis"}).providerApis())
                .isTrue();
        assertThat(SmtpUnitCli.usage()).contains("--provider-apis");
    }

    @Test
    void theApisServeBesideTheServerAndSayWhere() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (MockSmtpServer smtp = new MockSmtpServer(
                                SmtpUnitCli.parse(new String[] {"--port", "0"}).options())
                        .start();
                MockProviderApis apis =
                        SmtpUnitCli.startApis(smtp, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String body =
                    "{\"personalizations\":[{\"to\":[{\"email\":\"ada@example.com\"}]}],\"from\":{\"email\":\"app@example.com\"},"
                            + "\"subject\":\"Manual\",\"content\":[{\"type\":\"text/plain\",\"value\":\"x\"}]}";
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send"))
                                    .header("Authorization", "Bearer SG.manual")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(202);
            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.subject()).isEqualTo("Manual");
            assertThat(smtp.transcript().session(mail.envelope().sessionId()).toString())
                    .contains("POST /v3/mail/send");
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("Provider APIs on " + apis.baseUrl(Provider.SENDGRID));
        }
    }
}
