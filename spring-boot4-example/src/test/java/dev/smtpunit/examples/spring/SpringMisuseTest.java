package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What cannot be honoured fails with the reason and the fix; what can, works. The fixtures are run
 * through JUnit's engine test kit (nested static classes are not run on their own).
 */
class SpringMisuseTest {

    @SpringBootTest
    @SmtpServer
    static class OtherSettingsOnAParameter {
        @Test
        void sends(@SmtpServer(startTls = StartTlsMode.REQUIRED) MockSmtpServer smtp) {}
    }

    @SpringBootTest
    @SmtpServer
    static class SeparateServerByName {
        @Test
        void sends(
                MockSmtpServer smtp,
                @SmtpServer(name = "partner") MockSmtpServer partner,
                @Value("${spring.mail.port}") int mailPort) {
            assertThat(partner).isNotSameAs(smtp);
            assertThat(mailPort).isEqualTo(smtp.port()).isNotEqualTo(partner.port());
        }
    }

    @Test
    void aParameterAskingForOtherSettingsThanTheContextsServerFailsWithTheFix() {
        Events tests = run(OtherSettingsOnAParameter.class);

        tests.assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = tests.failed().stream()
                .findFirst()
                .orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        // one ParameterResolutionException with the message, not JUnit's "Failed to resolve" wrapper around it
        assertThat(failure)
                .isInstanceOf(ParameterResolutionException.class)
                .hasNoCause()
                .hasMessage(
                        "@SmtpServer on parameter 'smtp' of"
                                + " sends() asks for other settings than the SMTP server of the Spring application context of"
                                + " OtherSettingsOnAParameter, which the application's mail properties point at; put the settings on the"
                                + " class annotation, or give this one another name() for a separate server that the application does not know");
    }

    @Test
    void aParameterWithAnotherNameGetsASeparateServer() {
        run(SeparateServerByName.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }
}
