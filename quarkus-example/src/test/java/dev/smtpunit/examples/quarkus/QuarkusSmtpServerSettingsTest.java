package dev.smtpunit.examples.quarkus;

import dev.smtpunit.quarkus.QuarkusSmtpServer;
import dev.smtpunit.quarkus.internal.SmtpServerTestResource;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code @QuarkusSmtpServer}'s settings hand Quarkus, checked on the test resource without an application. */
class QuarkusSmtpServerSettingsTest {

    @QuarkusSmtpServer
    static final class Defaults {}

    @QuarkusSmtpServer(greetingDelayMillis = 0)
    static final class NoGreetingDelay {}

    @QuarkusSmtpServer(greetingDelayMillis = -5)
    static final class NegativeGreetingDelay {}

    @Test
    void pointsTheMailerAtTheServerWithoutPoolingAndWithABoundedSend() throws Exception {
        SmtpServerTestResource resource = resourceFor(Defaults.class);
        try {
            Map<String, String> config = resource.start();
            assertThat(config)
                    .containsEntry("quarkus.mailer.mock", "false")
                    .containsEntry("quarkus.mailer.keep-alive", "false")
                    .containsEntry("quarkus.mailer.timeout", "10s")
                    .containsEntry("quarkus.mailer.start-tls", "DISABLED");
            assertThat(QuarkusSmtpServer.DEFAULT_GREETING_DELAY_MILLIS).isEqualTo(100);
            assertThat(greeting(config)).isEqualTo("220 localhost ESMTP SmtpUnit");
        } finally {
            resource.stop();
        }
    }

    @Test
    void greetsAtOnceWithoutADelay() throws Exception {
        SmtpServerTestResource resource = resourceFor(NoGreetingDelay.class);
        try {
            assertThat(greeting(resource.start())).isEqualTo("220 localhost ESMTP SmtpUnit");
        } finally {
            resource.stop();
        }
    }

    @Test
    void aNegativeGreetingDelayFailsWithTheAttribute() {
        SmtpServerTestResource resource = resourceFor(NegativeGreetingDelay.class);
        assertThatThrownBy(resource::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@QuarkusSmtpServer(greetingDelayMillis = -5): the delay must be zero or positive");
        resource.stop();
    }

    private static SmtpServerTestResource resourceFor(Class<?> annotated) {
        SmtpServerTestResource resource = new SmtpServerTestResource();
        resource.init(annotated.getAnnotation(QuarkusSmtpServer.class));
        return resource;
    }

    private static String greeting(Map<String, String> config) throws Exception {
        try (Socket socket = new Socket(
                        config.get("quarkus.mailer.host"), Integer.parseInt(config.get("quarkus.mailer.port")));
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            socket.setSoTimeout(10_000);
            return in.readLine();
        }
    }
}
