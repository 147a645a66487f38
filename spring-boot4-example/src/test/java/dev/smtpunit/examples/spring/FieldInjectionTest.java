package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @SmtpServer} fields, static or not, get the application context's server too. */
@SpringBootTest
@SmtpServer
class FieldInjectionTest {

    @SmtpServer
    static MockSmtpServer perClass;

    @SmtpServer
    MockSmtpServer perTest;

    @Test
    void fieldsAndParametersGetTheContextsServer(MockSmtpServer smtp) {
        assertThat(perClass).isSameAs(smtp);
        assertThat(perTest).isSameAs(smtp);
        assertThat(smtp.isRunning()).isTrue();
    }
}
