package dev.smtpunit.providers;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ProviderData;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.TranscriptEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SesApiTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private MockSmtpServer smtp;
    private MockProviderApis apis;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer();
        apis = new MockProviderApis(smtp)
                .awsCredentials("AKIATESTKEY", "test-secret")
                .awsRegion("eu-west-1")
                .start();
    }

    @AfterEach
    void stop() {
        apis.stop();
    }

    private SesV2Client client(String accessKey, String secret, int maxAttempts) {
        return SesV2Client.builder()
                .endpointOverride(URI.create(apis.baseUrl(Provider.SES)))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(
                        c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(maxAttempts)))
                .build();
    }

    private static SendEmailRequest simple() {
        return SendEmailRequest.builder()
                .fromEmailAddress("Example App <app@example.com>")
                .destination(d -> d.toAddresses("ada@example.com")
                        .ccAddresses("cc@example.com")
                        .bccAddresses("audit@example.com"))
                .replyToAddresses("help@example.com")
                .content(c -> c.simple(s -> s.subject(x -> x.data("Welcome"))
                        .body(b -> b.text(t -> t.data("Hello Ada")).html(h -> h.data("<p>Hello Ada</p>")))
                        .headers(h -> h.name("X-Campaign").value("spring"))
                        .attachments(a -> a.fileName("users.csv")
                                .contentType("text/csv")
                                .rawContent(SdkBytes.fromString("name,id\nada,42\n", StandardCharsets.UTF_8)))))
                .emailTags(t -> t.name("campaign").value("spring"))
                .configurationSetName("transactional")
                .build();
    }

    @Test
    void theSdkSignsAndSendsAndEveryFieldArrives() {
        SendEmailResponse response;
        try (SesV2Client ses = client("AKIATESTKEY", "test-secret", 1)) {
            response = ses.sendEmail(simple());
        }

        ReceivedMessage mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        WelcomeMail.assertArrived(mail);

        ProviderData api = mail.providerData().orElseThrow();
        assertThat(api.provider()).isEqualTo(Provider.SES);
        assertThat(api.messageId()).isEqualTo(response.messageId());
        assertThat(api.metadata()).containsExactly(Map.entry("campaign", "spring"));
        assertThat(api.settings()).containsEntry("ConfigurationSetName", "transactional");
        assertThat(smtp.transcript().httpExchanges().get(0).requestHeaders())
                .anySatisfy(h -> assertThat(h)
                        .startsWith("Authorization: AWS4-HMAC-SHA256 Credential=AKIATESTKEY/")
                        .endsWith("Signature=****"));
    }

    @Test
    void rawContentIsStoredAsSentAndTemplatesKeepTheirData() {
        String raw = "From: app@example.com\r\nTo: ada@example.com\r\nSubject: Raw\r\n\r\nbody\r\n";
        try (SesV2Client ses = client("AKIATESTKEY", "test-secret", 1)) {
            ses.sendEmail(b -> b.content(c -> c.raw(r -> r.data(SdkBytes.fromString(raw, StandardCharsets.UTF_8)))));
            ses.sendEmail(b -> b.fromEmailAddress("app@example.com")
                    .destination(d -> d.toAddresses("bob@example.com"))
                    .content(c -> c.template(t -> t.templateName("welcome").templateData("{\"name\":\"Bob\"}"))));
        }

        List<ReceivedMessage> mails = smtp.mailbox().awaitMessages(2, WAIT);
        assertThat(mails.get(0).rawContent()).isEqualTo(raw);
        assertThat(mails.get(0).envelope().recipientAddresses()).containsExactly("ada@example.com");
        ProviderData template = mails.get(1).providerData().orElseThrow();
        assertThat(template.templateId()).hasValue("welcome");
        assertThat(template.templateData()).containsExactly(Map.entry("name", "Bob"));
    }

    @Test
    void aWrongSecretOrUnknownKeyIsRefusedAsAwsRefusesIt() throws Exception {
        try (SesV2Client wrongSecret = client("AKIATESTKEY", "other-secret", 1);
                SesV2Client unknownKey = client("AKIAOTHER", "test-secret", 1)) {
            assertThatThrownBy(() -> wrongSecret.sendEmail(simple()))
                    .isInstanceOfSatisfying(SesV2Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
            assertThatThrownBy(() -> unknownKey.sendEmail(simple())).isInstanceOfSatisfying(SesV2Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            });
        }
        var unsigned = Http.post(apis.baseUrl(Provider.SES) + "/v2/email/outbound-emails", "application/json", "{}");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(smtp.mailbox().isEmpty()).isTrue();
    }

    @Test
    void tooManyRecipientsAreRejected() {
        String[] many = new String[51];
        for (int i = 0; i < many.length; i++) {
            many[i] = "user" + i + "@example.com";
        }
        try (SesV2Client ses = client("AKIATESTKEY", "test-secret", 1)) {
            assertThatThrownBy(() -> ses.sendEmail(simple().toBuilder()
                            .destination(d -> d.toAddresses(many))
                            .build()))
                    .isInstanceOfSatisfying(
                            MessageRejectedException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Recipient count exceeds 50."));
        }
    }

    @Test
    void theSdksOwnRetriesOfThrottlingAreCountedAtTheServer() {
        apis.faults().on(Provider.SES).times(2).rateLimited(Duration.ofSeconds(1));

        try (SesV2Client ses = client("AKIATESTKEY", "test-secret", 3)) {
            ses.sendEmail(simple());
        }

        assertThat(apis.calls(Provider.SES)).isEqualTo(3);
        assertThat(smtp.mailbox().awaitMessages(1, WAIT)).hasSize(1);
        assertThat(smtp.transcript().httpExchanges())
                .extracting(TranscriptEntry.HttpExchange::status)
                .containsExactly(429, 429, 200);
    }
}
