package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connection-limit and retention attributes of {@link SmtpServer} reach the server's options. */
class LimitAttributesTest {

    @Test
    void setTheConnectionLimitAndTheRetention(
            @SmtpServer(maxConnections = 7, maxStoredMessages = 50) MockSmtpServer smtp) {
        assertThat(smtp.options().maxConnections()).isEqualTo(7);
        assertThat(smtp.options().maxStoredMessages()).isEqualTo(50);
    }

    @Test
    void default100ConnectionsAndEveryMessageKept(@SmtpServer MockSmtpServer smtp) {
        assertThat(smtp.options().maxConnections()).isEqualTo(100);
        assertThat(smtp.options().maxStoredMessages()).isZero();
    }

    @Test
    void aNegativeLimitNamesTheAttribute() throws Exception {
        Method m = LimitAttributesTest.class.getDeclaredMethod("negative", MockSmtpServer.class);
        SmtpServer a = (SmtpServer) m.getParameters()[0].getAnnotations()[0];
        assertThatThrownBy(() -> dev.smtpunit.junit5.internal.AnnotationOptions.of(a, "negative"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "@SmtpServer(maxStoredMessages) on negative: maxStoredMessages must be 0 (no limit) or positive, was -1");
        assertThat(SmtpServerOptions.defaults().maxConnections()).isEqualTo(100);
    }

    @SuppressWarnings("unused")
    private static void negative(@SmtpServer(maxStoredMessages = -1) MockSmtpServer smtp) {}
}
