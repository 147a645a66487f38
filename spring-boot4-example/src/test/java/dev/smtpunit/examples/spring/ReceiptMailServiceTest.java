package dev.smtpunit.examples.spring;

import com.sendgrid.SendGrid;
import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ProviderData;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.TranscriptEntry.HttpExchange;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Receipts sent through Spring Boot's auto-configured {@code SendGrid} bean arrive in the mailbox of
 * the context's server: smtpunit-spring points the bean at the context's provider APIs over HTTPS.
 */
@SpringBootTest
@SmtpServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceiptMailServiceTest {
    private static MockProviderApis earlier;

    @Autowired
    ReceiptMailService receipts;

    @Autowired
    SendGrid sendGrid;

    @Test
    void theReceiptArrivesWithItsSendGridData(MockSmtpServer smtp, MockProviderApis apis) {
        apis.sendGridApiKey("SG.development-key"); // only the key of spring.sendgrid.api-key passes

        ReceiptMailService.Sent sent = receipts.sendReceipt("ada", "A-1001");

        assertThat(sent.attempts()).isEqualTo(1);
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(mail)
                .hasSubject("Your receipt for order A-1001")
                .hasEnvelopeRecipients("ada@example.com")
                .hasTextBodyContaining("thank you for order A-1001.");
        ProviderData data = mail.providerData().orElseThrow();
        assertThat(data.provider()).isEqualTo(Provider.SENDGRID);
        assertThat(data.messageId()).isNotBlank().isEqualTo(sent.messageId());
        assertThat(data.tags()).containsExactly("receipt");
        assertThat(data.metadata()).containsEntry("order", "A-1001");
    }

    @Test
    void bootsSendGridBeanSpeaksHttpsToTheContextsApisWithItsKeyAndUserAgent(
            MockSmtpServer smtp, MockProviderApis apis) {
        assertThat(sendGrid.getHost()).isEqualTo(apis.secureHostAndPort());

        receipts.sendReceipt("grace", "G-1");

        HttpExchange call = smtp.transcript().httpExchanges().get(0);
        assertThat(call.path()).isEqualTo("/v3/mail/send");
        assertThat(call.requestHeaders()).contains("Authorization: Bearer ****", "User-Agent: sendgrid/4.10.3;java");
    }

    @Test
    void aRateLimitIsRetriedThenTheReceiptIsSent(MockSmtpServer smtp, MockProviderApis apis) {
        apis.faults().on(Provider.SENDGRID).once().rateLimited(Duration.ofSeconds(1));

        ReceiptMailService.Sent sent = receipts.sendReceipt("grace", "G-7");

        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(smtp.transcript().httpExchanges())
                .extracting(HttpExchange::status)
                .containsExactly(429, 202);
        assertThat(smtp.transcript().httpExchanges().get(0).responseHeaders()).contains("Retry-After: 1");
        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("grace@example.com");
    }

    @Test
    void aServerErrorOnEveryAttemptFailsAfterTheLastOne(MockSmtpServer smtp, MockProviderApis apis) {
        apis.faults().on(Provider.SENDGRID).always().reply(503);

        assertThatThrownBy(() -> receipts.sendReceipt("ada", "A-2"))
                .isInstanceOfSatisfying(
                        ReceiptMailService.NotSentException.class,
                        e -> assertThat(e.status()).isEqualTo(503));

        assertThat(smtp.transcript().httpExchanges())
                .extracting(HttpExchange::status)
                .containsExactly(503, 503, 503);
        assertThat(smtp.mailbox()).isEmpty();
    }

    @Test
    void aKeySendGridWouldRefuseIsRefusedAndNotRetried(MockSmtpServer smtp, MockProviderApis apis) {
        apis.sendGridApiKey("SG.production-key");

        assertThatThrownBy(() -> receipts.sendReceipt("ada", "A-3"))
                .isInstanceOfSatisfying(
                        ReceiptMailService.NotSentException.class,
                        e -> assertThat(e.status()).isEqualTo(401));

        assertThat(smtp.transcript().httpExchanges())
                .extracting(HttpExchange::status)
                .containsExactly(401);
        assertThat(smtp.mailbox()).isEmpty();
    }

    @Test
    @Order(1)
    void aFaultRuleOfOneTest(MockProviderApis apis) {
        earlier = apis;
        apis.faults().on(Provider.SENDGRID).always().reply(500);
    }

    @Test
    @Order(2)
    void isGoneInTheNextWhichGetsTheSameApis(MockProviderApis apis) {
        assertThat(apis).isSameAs(earlier);
        assertThat(apis.isRunning()).isTrue();
        assertThat(apis.faults().rules()).isEmpty();
        assertThat(receipts.sendReceipt("ada", "A-4").attempts()).isEqualTo(1);
    }

    @AfterAll
    static void forget() {
        earlier = null;
    }
}
