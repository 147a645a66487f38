package dev.smtpunit.examples.spring;

import com.sendgrid.SendGrid;
import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.TranscriptEntry.HttpExchange;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * SendGrid beans the application defines itself: one that would reach SendGrid (here its EU region,
 * with headers of its own) is pointed at the context's provider APIs with its settings; one the
 * application already points elsewhere is left alone; a subclass, which cannot be rebuilt, fails the
 * context with the reason.
 */
@SpringBootTest
@SmtpServer
class OwnSendGridBeanTest {

    @TestConfiguration
    static class Clients {
        @Bean
        @Primary
        SendGrid sendGrid() {
            SendGrid sendGrid = new SendGrid("SG.eu-key");
            sendGrid.setDataResidency("eu");
            sendGrid.addRequestHeader("User-Agent", "receipts-app/1.0");
            sendGrid.setRateLimitRetry(2);
            return sendGrid;
        }

        @Bean
        SendGrid stubbedSendGrid() {
            SendGrid elsewhere = new SendGrid("SG.stub-key", true);
            elsewhere.setHost("localhost:8089");
            return elsewhere;
        }
    }

    @Autowired
    ReceiptMailService receipts;

    @Autowired
    SendGrid sendGrid;

    @Autowired
    @Qualifier("stubbedSendGrid")
    SendGrid stubbed;

    @Test
    void aBeanThatWouldReachSendGridIsPointedAtTheApisWithItsOwnSettings(MockSmtpServer smtp, MockProviderApis apis) {
        apis.sendGridApiKey("SG.eu-key");

        assertThat(receipts.sendReceipt("ada", "E-1").attempts()).isEqualTo(1);

        assertThat(sendGrid.getHost()).isEqualTo(apis.secureHostAndPort());
        assertThat(sendGrid.getRateLimitRetry()).isEqualTo(2);
        HttpExchange call = smtp.transcript().httpExchanges().get(0);
        assertThat(call.requestHeaders()).contains("User-Agent: receipts-app/1.0");
        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("ada@example.com");
    }

    @Test
    void aBeanTheApplicationPointsElsewhereIsLeftAlone() {
        assertThat(stubbed.getHost()).isEqualTo("localhost:8089");
    }

    /** A SendGrid of the application's own class. */
    static class AuditedSendGrid extends SendGrid {
        AuditedSendGrid(String key) {
            super(key);
        }
    }

    @SpringBootTest
    @SmtpServer
    static class SubclassedClient {
        @TestConfiguration
        static class Subclassed {
            @Bean
            SendGrid sendGrid() {
                return new AuditedSendGrid("SG.audited-key");
            }
        }

        @Test
        void sends() {}
    }

    @Test
    void aSubclassOfSendGridFailsTheContextWithTheReason() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SubclassedClient.class))
                .execute()
                .testEvents();

        tests.assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = tests.failed().stream()
                .findFirst()
                .orElseThrow()
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertThat(failure)
                .rootCause()
                .hasMessage("Error creating bean with name 'sendGrid': smtpunit-spring points SendGrid"
                        + " beans at the test's provider APIs by rebuilding them, but this one is a"
                        + " dev.smtpunit.examples.spring.OwnSendGridBeanTest$AuditedSendGrid, a subclass of SendGrid that it cannot"
                        + " rebuild; define the bean as a com.sendgrid.SendGrid, or point it at the test server yourself (setHost and"
                        + " an HTTP client that trusts MockProviderApis.clientTrust())");
    }
}
