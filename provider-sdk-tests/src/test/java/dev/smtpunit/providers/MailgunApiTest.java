package dev.smtpunit.providers;

import com.mailgun.api.v3.MailgunMessagesApi;
import com.mailgun.client.MailgunClient;
import com.mailgun.model.message.MailgunMimeMessage;
import com.mailgun.model.message.Message;
import com.mailgun.model.message.MessageResponse;
import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ProviderData;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.fault.ApiMatcher;
import feign.FeignException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailgunApiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private MockSmtpServer smtp;
    private MockProviderApis apis;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer();
        apis = new MockProviderApis(smtp)
                .mailgunApiKey("key-123")
                .mailgunDomains("mg.example.com")
                .start();
    }

    @AfterEach
    void stop() {
        apis.stop();
    }

    private MailgunMessagesApi client(String key) {
        return MailgunClient.config(apis.baseUrl(Provider.MAILGUN) + "/", key).createApi(MailgunMessagesApi.class);
    }

    @Test
    void theSdkSendsAMultipartMessageAndEveryFieldArrives() throws Exception {
        Path csv = Files.writeString(dir.resolve("users.csv"), "name,id\nada,42\n");
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
        Message message = Message.builder()
                .from("Example App <app@example.com>")
                .to("Ada <ada@example.com>")
                .cc("cc@example.com")
                .bcc("audit@example.com")
                .subject("Welcome")
                .text("Hello Ada")
                .html("<p>Hello Ada</p>")
                .attachment(csv.toFile())
                .tag(List.of("welcome", "onboarding"))
                .deliveryTime(at)
                .testMode(true)
                .tracking(false)
                .replyTo("help@example.com")
                .headers(Map.of("X-Campaign", "spring"))
                .myVar(Map.of("user", "42"))
                .mailgunVariables(Map.of("plan", "pro"))
                .build();

        MessageResponse response = client("key-123").sendMessage("mg.example.com", message);

        assertThat(response.getMessage()).isEqualTo("Queued. Thank you.");
        assertThat(response.getId()).startsWith("<").endsWith("@mg.example.com>");

        ReceivedMessage mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        WelcomeMail.assertArrived(mail);
        assertThat(mail.header("Message-ID")).hasValue(response.getId());

        ProviderData api = mail.providerData().orElseThrow();
        assertThat(api.provider()).isEqualTo(Provider.MAILGUN);
        assertThat(api.messageId()).isEqualTo(response.getId());
        assertThat(api.tags()).containsExactly("welcome", "onboarding");
        assertThat(api.scheduledAt()).hasValue(at.toInstant());
        assertThat(api.sandbox()).isTrue();
        assertThat(api.metadata()).containsExactly(Map.entry("my-var", "{\"user\":\"42\"}"));
        assertThat(api.templateData()).containsExactly(Map.entry("plan", "pro"));
        assertThat(api.settings()).containsEntry("o:tracking", "no");
    }

    @Test
    void urlEncodedRequestsAndRecipientVariablesMakeOneMessagePerRecipient() throws Exception {
        String body = "from=app%40example.com&to=ada%40example.com&to=bob%40example.com&subject=Hi+%25recipient.name%25"
                + "&text=Dear+%25recipient.name%25&recipient-variables="
                + java.net.URLEncoder.encode(
                        "{\"ada@example.com\":{\"name\":\"Ada\"},\"bob@example.com\":{\"name\":\"Bob\"}}",
                        StandardCharsets.UTF_8);
        var response = Http.post(
                apis.baseUrl(Provider.MAILGUN) + "/v3/mg.example.com/messages",
                "application/x-www-form-urlencoded",
                body,
                "Authorization",
                basic("key-123"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<ReceivedMessage> mails = smtp.mailbox().awaitMessages(2, WAIT);
        assertThat(mails).extracting(ReceivedMessage::subject).containsExactly("Hi Ada", "Hi Bob");
        assertThat(mails.get(1).to()).containsExactly("bob@example.com");
        assertThat(mails.get(1).envelope().recipientAddresses()).containsExactly("bob@example.com");
    }

    @Test
    void theMimeEndpointStoresTheClientsMessageAsSent() throws Exception {
        String raw =
                "From: app@example.com\r\nTo: ada@example.com\r\nSubject: Raw\r\nMessage-ID: <raw-1@example.com>\r\n\r\nbody\r\n";
        Path file = Files.writeString(dir.resolve("message.eml"), raw);
        MailgunMimeMessage mime = MailgunMimeMessage.builder()
                .to("ada@example.com")
                .message(file.toFile())
                .build();

        MessageResponse response = client("key-123").sendMIMEMessage("mg.example.com", mime);

        ReceivedMessage mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        assertThat(mail.rawContent()).isEqualTo(raw);
        assertThat(response.getId()).isEqualTo("<raw-1@example.com>");
        assertThat(mail.envelope().sender()).isEqualTo("app@example.com");
    }

    @Test
    void refusalsCarryMailgunsStatusAndMessage() throws Exception {
        String url = apis.baseUrl(Provider.MAILGUN) + "/v3/mg.example.com/messages";
        var noFrom = Http.post(
                url,
                "application/x-www-form-urlencoded",
                "to=ada%40example.com&text=x",
                "Authorization",
                basic("key-123"));
        var badTo = Http.post(
                url,
                "application/x-www-form-urlencoded",
                "from=app%40example.com&to=nobody&text=x",
                "Authorization",
                basic("key-123"));
        var noBody = Http.post(
                url,
                "application/x-www-form-urlencoded",
                "from=app%40example.com&to=ada%40example.com",
                "Authorization",
                basic("key-123"));
        var wrongKey = Http.post(url, "application/x-www-form-urlencoded", "", "Authorization", basic("key-wrong"));
        var noDomain = Http.post(
                apis.baseUrl(Provider.MAILGUN) + "/v3/other.example.com/messages",
                "application/x-www-form-urlencoded",
                "",
                "Authorization",
                basic("key-123"));

        assertThat(noFrom.statusCode()).isEqualTo(400);
        assertThat(noFrom.body()).isEqualTo("{\"message\":\"'from' parameter is missing\"}");
        assertThat(badTo.body())
                .isEqualTo("{\"message\":\"'to' parameter is not a valid address. please check documentation\"}");
        assertThat(noBody.body())
                .isEqualTo("{\"message\":\"Need at least one of 'text' or 'html' parameters specified\"}");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).isEqualTo("Forbidden");
        assertThat(noDomain.statusCode()).isEqualTo(404);
        assertThat(noDomain.body()).isEqualTo("{\"message\":\"Domain not found: other.example.com\"}");
        assertThatThrownBy(() -> client("key-wrong")
                        .sendMessage(
                                "mg.example.com",
                                Message.builder()
                                        .from("app@example.com")
                                        .to("ada@example.com")
                                        .text("x")
                                        .build()))
                .isInstanceOf(FeignException.Unauthorized.class);
        assertThat(smtp.mailbox().isEmpty()).isTrue();
    }

    @Test
    void faultsDriveTheApplicationsRetryLoopAndTheServerCountsTheSdksOwnRetries() {
        apis.faults()
                .on(Provider.MAILGUN)
                .matching(ApiMatcher.field("subject", "Welcome"))
                .times(2)
                .reply(500);
        MailgunMessagesApi client = client("key-123");
        Message message = Message.builder()
                .from("app@example.com")
                .to("ada@example.com")
                .subject("Welcome")
                .text("x")
                .build();

        int attempts = 0;
        MessageResponse ok = null;
        while (ok == null && attempts < 5) {
            attempts++;
            try {
                ok = client.sendMessage("mg.example.com", message);
            } catch (FeignException.InternalServerError e) {
                assertThat(e.contentUTF8()).isEqualTo("{\"message\":\"Internal Server Error\"}");
            }
        }

        assertThat(attempts).isEqualTo(3);
        assertThat(apis.calls(Provider.MAILGUN)).isEqualTo(3);
        assertThat(smtp.mailbox().awaitMessages(1, WAIT)).hasSize(1);
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString(("api:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
