package dev.smtpunit.providers;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Attachments;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.MailSettings;
import com.sendgrid.helpers.mail.objects.Personalization;
import com.sendgrid.helpers.mail.objects.Setting;
import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ProviderData;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.fault.ApiMatcher;
import dev.smtpunit.lint.MailLint;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendGridApiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private MockSmtpServer smtp;
    private MockProviderApis apis;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer();
        apis = new MockProviderApis(smtp).start();
    }

    @AfterEach
    void stop() {
        apis.stop();
    }

    /** The SDK as an application builds it: HTTPS, trusting the test server. */
    private SendGrid sendGrid(String key) {
        SendGrid sg = new SendGrid(
                key,
                new Client(HttpClients.custom()
                        .setSSLContext(apis.clientTrust().sslContext())
                        .build()));
        sg.setHost(apis.secureHostAndPort());
        return sg;
    }

    private static Response send(SendGrid sg, Mail mail) throws IOException {
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        request.setBody(mail.build());
        return sg.api(request);
    }

    private static Mail welcome() {
        Mail mail = new Mail();
        mail.setFrom(new Email("app@example.com", "Example App"));
        mail.setSubject("Welcome");
        Personalization p = new Personalization();
        p.addTo(new Email("ada@example.com", "Ada Lovelace"));
        p.addCc(new Email("cc@example.com"));
        p.addBcc(new Email("audit@example.com"));
        p.addCustomArg("user", "42");
        mail.addPersonalization(p);
        mail.addContent(new Content("text/plain", "Hello Ada"));
        mail.addContent(new Content("text/html", "<p>Hello Ada</p>"));
        mail.addCategory("welcome");
        mail.addCategory("onboarding");
        mail.addCustomArg("campaign", "spring");
        mail.setReplyTo(new Email("help@example.com"));
        mail.addHeader("X-Campaign", "spring");
        Attachments a = new Attachments();
        a.setContent(Base64.getEncoder().encodeToString("name,id\nada,42\n".getBytes(StandardCharsets.UTF_8)));
        a.setFilename("users.csv");
        a.setType("text/csv");
        mail.addAttachments(a);
        return mail;
    }

    @Test
    void theSdkSendsOverHttpsAndEveryFieldArrives() throws IOException {
        Response response = send(sendGrid("SG.test-key"), welcome());

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEmpty();
        String messageId = response.getHeaders().get("X-Message-Id");
        assertThat(messageId).isNotBlank();

        ReceivedMessage mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        WelcomeMail.assertArrived(mail);

        ProviderData api = mail.providerData().orElseThrow();
        assertThat(api.provider()).isEqualTo(Provider.SENDGRID);
        assertThat(api.messageId()).isEqualTo(messageId);
        assertThat(api.tags()).containsExactly("welcome", "onboarding");
        assertThat(api.metadata()).containsEntry("campaign", "spring").containsEntry("user", "42");
        assertThat(api.sandbox()).isFalse();
        assertThat(api.scheduledAt()).isEmpty();
    }

    @Test
    void theMessageSendGridWouldBuildPassesTheDefaultLint() throws IOException {
        send(sendGrid("SG.test-key"), welcome());

        ReceivedMessage mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        assertThat(MailLint.defaults().check(mail)).isEmpty();
    }

    @Test
    void bccNeverAppearsInTheMessage() throws IOException {
        send(sendGrid("SG.test-key"), welcome());

        ReceivedMessage mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        assertThat(mail.headers("Bcc")).isEmpty();
        assertThat(mail.rawContent()).doesNotContain("audit@example.com");
    }

    @Test
    void eachPersonalizationBecomesOneMessageWithItsOwnSubstitutionsAndTemplateData() throws IOException {
        Mail mail = new Mail();
        mail.setFrom(new Email("app@example.com"));
        mail.setSubject("Hi -name-");
        mail.addContent(new Content("text/plain", "Dear -name-"));
        for (String[] who : new String[][] {{"ada@example.com", "Ada"}, {"bob@example.com", "Bob"}}) {
            Personalization p = new Personalization();
            p.addTo(new Email(who[0]));
            p.addSubstitution("-name-", who[1]);
            mail.addPersonalization(p);
        }

        send(sendGrid("SG.test-key"), mail);

        List<ReceivedMessage> mails = smtp.mailbox().awaitMessages(2, WAIT);
        assertThat(mails).extracting(ReceivedMessage::subject).containsExactly("Hi Ada", "Hi Bob");
        assertThat(mails.get(1).textBody()).hasValue("Dear Bob\r\n");
        assertThat(mails.get(1).envelope().recipientAddresses()).containsExactly("bob@example.com");
    }

    @Test
    void dynamicTemplatesScheduleAndSandboxAreReachable() throws IOException {
        Mail mail = new Mail();
        mail.setFrom(new Email("app@example.com"));
        mail.setTemplateId("d-0123456789abcdef");
        Personalization p = new Personalization();
        p.addTo(new Email("ada@example.com"));
        p.addDynamicTemplateData("name", "Ada");
        p.addDynamicTemplateData("items", 3);
        mail.addPersonalization(p);
        long sendAt = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        mail.setSendAt(sendAt);
        MailSettings settings = new MailSettings();
        Setting sandbox = new Setting();
        sandbox.setEnable(true);
        settings.setSandboxMode(sandbox);
        mail.setMailSettings(settings);

        Response response = send(sendGrid("SG.test-key"), mail);

        assertThat(response.getStatusCode()).isEqualTo(200);
        ProviderData api =
                smtp.mailbox().awaitMessages(1, WAIT).get(0).providerData().orElseThrow();
        assertThat(api.templateId()).hasValue("d-0123456789abcdef");
        assertThat(api.templateData()).containsEntry("name", "Ada").containsEntry("items", new BigDecimal("3"));
        assertThat(api.scheduledAt()).hasValue(Instant.ofEpochSecond(sendAt));
        assertThat(api.sandbox()).isTrue();
        assertThat(api.settings()).containsEntry("mail_settings.sandbox_mode.enable", "true");
    }

    @Test
    void aMissingFromIsRefusedWithSendGridsErrorNamingTheField() throws Exception {
        var response = Http.post(
                apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send",
                "application/json",
                "{\"personalizations\":[{\"to\":[{\"email\":\"ada@example.com\"}]}],\"subject\":\"Hi\","
                        + "\"content\":[{\"type\":\"text/plain\",\"value\":\"x\"}]}",
                "Authorization",
                "Bearer SG.test-key");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body())
                .isEqualTo("{\"errors\":[{\"message\":\"The from object must be provided for every email"
                        + " send. It is an object that requires an email parameter, but may also contain a name parameter.\","
                        + "\"field\":\"from\",\"help\":null}]}");
        assertThat(smtp.mailbox().isEmpty()).isTrue();
    }

    @Test
    void invalidAddressesAndMissingContentAreEachNamed() throws Exception {
        var response = Http.post(
                apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send",
                "application/json",
                "{\"personalizations\":[{\"to\":[{\"email\":\"ada@localhost\"}]}],\"from\":{\"email\":\"app@example.com\"},"
                        + "\"subject\":\"Hi\"}",
                "Authorization",
                "Bearer SG.test-key");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"field\":\"personalizations.0.to.0.email\"")
                .contains("\"message\":\"Does not contain a valid address.\"")
                .contains("\"field\":\"content\"");
    }

    @Test
    void aMissingOrWrongKeyGets401() throws Exception {
        String body = "{}";
        var none = Http.post(apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send", "application/json", body);
        var wrong = Http.post(
                apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send",
                "application/json",
                body,
                "Authorization",
                "Bearer not-a-key");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body())
                .isEqualTo("{\"errors\":[{\"message\":\"authorization required\",\"field\":null,\"help\":null}]}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body())
                .isEqualTo("{\"errors\":[{\"message\":\"The provided authorization grant is invalid, expired,"
                        + " or revoked\",\"field\":null,\"help\":null}]}");
    }

    @Test
    void aConfiguredKeyIsTheOnlyOneAccepted() throws Exception {
        apis.stop();
        apis = new MockProviderApis(smtp).sendGridApiKey("SG.right").start();

        assertThat(send(sendGrid("SG.wrong"), welcome()).getStatusCode()).isEqualTo(401);
        assertThat(send(sendGrid("SG.right"), welcome()).getStatusCode()).isEqualTo(202);
    }

    @Test
    void theTranscriptShowsTheExchangeWithTheKeyMasked() throws IOException {
        send(sendGrid("SG.secret-key"), welcome());

        TranscriptEntry.HttpExchange x = smtp.transcript().httpExchanges().get(0);
        assertThat(x.provider()).isEqualTo(Provider.SENDGRID);
        assertThat(x.method()).isEqualTo("POST");
        assertThat(x.path()).isEqualTo("/v3/mail/send");
        assertThat(x.status()).isEqualTo(202);
        assertThat(x.requestHeaders()).contains("Authorization: Bearer ****");
        assertThat(x.requestBody()).contains("ada@example.com");
        assertThat(smtp.transcript().toString()).doesNotContain("secret-key").contains("S: 202");
    }

    @Test
    void rateLimitFaultsDriveTheApplicationsRetryLoop() throws IOException {
        apis.faults().on(Provider.SENDGRID).times(2).rateLimited(Duration.ofSeconds(1));

        var response = Http.postQuietly(
                apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send", welcome().build());
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

        SendGrid sg = sendGrid("SG.test-key");
        int attempts = 0;
        Response last;
        do {
            attempts++;
            last = send(sg, welcome());
            if (last.getStatusCode() == 429) {
                assertThat(last.getHeaders()).containsEntry("Retry-After", "1");
            }
        } while (last.getStatusCode() == 429 && attempts < 5);
        assertThat(last.getStatusCode()).isEqualTo(202);
        assertThat(attempts).isEqualTo(2);
        assertThat(apis.calls(Provider.SENDGRID)).isEqualTo(3);
        assertThat(smtp.mailbox().awaitMessages(1, WAIT)).hasSize(1);
        assertThat(smtp.transcript().httpExchanges())
                .extracting(TranscriptEntry.HttpExchange::status)
                .containsExactly(429, 429, 202);
        assertThat(smtp.transcript().httpExchanges())
                .extracting(TranscriptEntry.HttpExchange::injected)
                .containsExactly(true, true, false);
    }

    @Test
    void aFaultMatchingARecipientRefusesOnlyThatCallWithTheProvidersBody() throws Exception {
        apis.faults()
                .on(Provider.SENDGRID)
                .matching(ApiMatcher.recipient("audit@example.com"))
                .always()
                .reply(503);

        var refused = Http.postQuietly(
                apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send", welcome().build());
        Mail other = welcome();
        other.getPersonalization().get(0).getBccs().clear();
        var accepted = Http.postQuietly(apis.baseUrl(Provider.SENDGRID) + "/v3/mail/send", other.build());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body())
                .isEqualTo("{\"errors\":[{\"message\":\"service unavailable\",\"field\":null,\"help\":null}]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(smtp.mailbox().awaitMessages(1, WAIT)).hasSize(1);
    }

    @Test
    void aClosedConnectionStoresNothingAndTheClientSeesAnIoError() {
        apis.faults().on(Provider.SENDGRID).close();

        assertThatThrownBy(() -> send(sendGrid("SG.test-key"), welcome())).isInstanceOf(IOException.class);
        assertThat(smtp.mailbox().isEmpty()).isTrue();
    }

    @Test
    void parallelServersAreIsolated() throws Exception {
        MockSmtpServer otherSmtp = new MockSmtpServer();
        try (MockProviderApis other = new MockProviderApis(otherSmtp).start()) {
            other.faults().on(Provider.SENDGRID).always().reply(500);
            send(sendGrid("SG.test-key"), welcome());
            var refused = Http.postQuietly(
                    other.baseUrl(Provider.SENDGRID) + "/v3/mail/send",
                    welcome().build());

            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(smtp.mailbox().awaitMessages(1, WAIT)).hasSize(1);
            assertThat(otherSmtp.mailbox().isEmpty()).isTrue();
            assertThat(apis.calls(Provider.SENDGRID)).isEqualTo(1);
        }
    }

    @Test
    void aBoundedMailboxDropsTheOldestApiMessageAndSaysSoInTheTranscript() throws Exception {
        MockSmtpServer bounded = new MockSmtpServer(
                SmtpServerOptions.builder().maxStoredMessages(1).build());
        try (MockProviderApis boundedApis = new MockProviderApis(bounded).start()) {
            for (int i = 0; i < 2; i++) {
                var response = Http.postQuietly(
                        boundedApis.baseUrl(Provider.SENDGRID) + "/v3/mail/send",
                        welcome().build());
                assertThat(response.statusCode()).isEqualTo(202);
            }
            assertThat(bounded.mailbox().size()).isEqualTo(1);
            assertThat(bounded.mailbox().droppedCount()).isEqualTo(1);
            assertThat(bounded.transcript().sessions())
                    .flatMap(SessionTranscript::entries)
                    .filteredOn(e ->
                            e instanceof TranscriptEntry.Event ev && ev.kind() == TranscriptEntry.Kind.MESSAGE_DROPPED)
                    .singleElement()
                    .asString()
                    .contains("maxStoredMessages 1", "1 dropped so far");
        } finally {
            bounded.close();
        }
    }
}
