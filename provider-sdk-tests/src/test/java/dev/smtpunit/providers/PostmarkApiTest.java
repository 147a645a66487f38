package dev.smtpunit.providers;

import com.postmarkapp.postmark.Postmark;
import com.postmarkapp.postmark.client.ApiClient;
import com.postmarkapp.postmark.client.data.model.message.Message;
import com.postmarkapp.postmark.client.data.model.message.MessageResponse;
import com.postmarkapp.postmark.client.data.model.templates.TemplatedMessage;
import com.postmarkapp.postmark.client.exception.InternalServerException;
import com.postmarkapp.postmark.client.exception.InvalidAPIKeyException;
import com.postmarkapp.postmark.client.exception.InvalidMessageException;
import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ProviderData;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.fault.ApiMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostmarkApiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private MockSmtpServer smtp;
    private MockProviderApis apis;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer();
        apis = new MockProviderApis(smtp).postmarkServerToken("server-token").start();
    }

    @AfterEach
    void stop() {
        apis.stop();
    }

    private ApiClient client(String token) {
        return Postmark.getApiClient(token, false, apis.hostAndPort());
    }

    private static Message welcome() throws Exception {
        Message m =
                new Message("Example App <app@example.com>", "Ada <ada@example.com>", "Welcome", "<p>Hello Ada</p>");
        m.setTextBody("Hello Ada");
        m.setCc("cc@example.com");
        m.setBcc("audit@example.com");
        m.setReplyTo("help@example.com");
        m.setTag("welcome");
        m.addMetadata("user", "42");
        m.addHeader("X-Campaign", "spring");
        m.setTrackOpens(true);
        m.setMessageStream("outbound");
        m.addAttachment("users.csv", "name,id\nada,42\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        return m;
    }

    @Test
    void theSdkDeliversAndEveryFieldArrives() throws Exception {
        MessageResponse response = client("server-token").deliverMessage(welcome());

        assertThat(response.getErrorCode()).isZero();
        assertThat(response.getMessage()).isEqualTo("OK");
        assertThat(response.getMessageId()).isNotBlank();

        ReceivedMessage mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        WelcomeMail.assertArrived(mail);

        ProviderData api = mail.providerData().orElseThrow();
        assertThat(api.provider()).isEqualTo(Provider.POSTMARK);
        assertThat(api.messageId()).isEqualTo(response.getMessageId());
        assertThat(api.tags()).containsExactly("welcome");
        assertThat(api.metadata()).containsExactly(Map.entry("user", "42"));
        assertThat(api.settings()).containsEntry("MessageStream", "outbound").containsEntry("TrackOpens", "true");
    }

    @Test
    void aBatchAcceptsEachValidMessageAndReportsEachInvalidOne() throws Exception {
        Message bad = new Message("app@example.com", "not-an-address", "Hi", "<p>x</p>");
        List<MessageResponse> results = client("server-token").deliverMessage(List.of(welcome(), bad));

        assertThat(results).extracting(MessageResponse::getErrorCode).containsExactly(0, 300);
        assertThat(results.get(1).getMessage()).isEqualTo("Invalid 'To' address: 'not-an-address'.");
        assertThat(smtp.mailbox().messages())
                .extracting(ReceivedMessage::subject)
                .containsExactly("Welcome");
    }

    @Test
    void templatesAreReachable() throws Exception {
        TemplatedMessage t = new TemplatedMessage("app@example.com", "ada@example.com", "welcome-alias");
        t.setTemplateModel(Map.of("name", "Ada", "items", 3));

        client("server-token").deliverMessageWithTemplate(t);

        ProviderData api =
                smtp.mailbox().awaitMessages(1, WAIT).get(0).providerData().orElseThrow();
        assertThat(api.templateId()).hasValue("welcome-alias");
        assertThat(api.templateData()).containsEntry("name", "Ada").containsEntry("items", new BigDecimal("3"));
    }

    @Test
    void aWrongTokenIsRefusedWith401AndErrorCode10() throws Exception {
        assertThatThrownBy(() -> client("wrong").deliverMessage(welcome())).isInstanceOf(InvalidAPIKeyException.class);

        var none = Http.post(
                apis.baseUrl(Provider.POSTMARK) + "/email", "application/json", "{}", "Accept", "application/json");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body())
                .isEqualTo(
                        "{\"ErrorCode\":10,\"Message\":\"No Account or Server API tokens were supplied in the"
                                + " HTTP headers. Please add a header for either X-Postmark-Server-Token or X-Postmark-Account-Token.\"}");
    }

    @Test
    void invalidRequestsGet422WithErrorCode300Or402() throws Exception {
        var noBody = Http.post(
                apis.baseUrl(Provider.POSTMARK) + "/email",
                "application/json",
                "{\"From\":\"app@example.com\",\"To\":\"ada@example.com\",\"Subject\":\"Hi\"}",
                "X-Postmark-Server-Token",
                "server-token");
        var badJson = Http.post(
                apis.baseUrl(Provider.POSTMARK) + "/email",
                "application/json",
                "{\"From\":",
                "X-Postmark-Server-Token",
                "server-token");
        var noRecipient = Http.post(
                apis.baseUrl(Provider.POSTMARK) + "/email",
                "application/json",
                "{\"From\":\"app@example.com\",\"Subject\":\"Hi\",\"TextBody\":\"x\"}",
                "X-Postmark-Server-Token",
                "server-token");

        assertThat(noBody.statusCode()).isEqualTo(422);
        assertThat(noBody.body())
                .isEqualTo("{\"ErrorCode\":300,\"Message\":\"Provide either email TextBody or HtmlBody or both.\"}");
        assertThat(badJson.statusCode()).isEqualTo(422);
        assertThat(badJson.body()).isEqualTo("{\"ErrorCode\":402,\"Message\":\"Received invalid JSON input.\"}");
        assertThat(noRecipient.body()).isEqualTo("{\"ErrorCode\":300,\"Message\":\"Zero recipients specified\"}");
        assertThatThrownBy(() -> client("server-token")
                        .deliverMessage(new Message("app@example.com", "ada@example.com", "Hi", null)))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(smtp.mailbox().isEmpty()).isTrue();
    }

    @Test
    void faultsDriveTheApplicationsRetryLoopAndTheServerCountsEveryCall() throws Exception {
        apis.faults()
                .on(Provider.POSTMARK)
                .matching(ApiMatcher.recipient("ada@example.com"))
                .times(2)
                .reply(500);

        ApiClient client = client("server-token");
        int attempts = 0;
        MessageResponse ok = null;
        while (ok == null && attempts < 5) {
            attempts++;
            try {
                ok = client.deliverMessage(welcome());
            } catch (InternalServerException e) {
                assertThat(e.getStatusCode()).isEqualTo(500);
            }
        }

        assertThat(attempts).isEqualTo(3);
        assertThat(apis.calls(Provider.POSTMARK)).isEqualTo(3);
        assertThat(smtp.mailbox().awaitMessages(1, WAIT)).hasSize(1);
    }

    @Test
    void rateLimitedRepliesCarryRetryAfter() throws Exception {
        apis.faults().on(Provider.POSTMARK).rateLimited(Duration.ofSeconds(3));

        var r = Http.post(
                apis.baseUrl(Provider.POSTMARK) + "/email",
                "application/json",
                "{}",
                "X-Postmark-Server-Token",
                "server-token");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(r.body())
                .isEqualTo("{\"ErrorCode\":0,\"Message\":\"Rate limit exceeded. Please slow down your requests.\"}");
    }
}
