package dev.smtpunit.coexistence;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/** A test that fails on purpose; {@link JakartaMailAppTest} runs it and reads the evidence attached. */
@SmtpServer
class EvidenceFixture {

    @Test
    void expectsAnotherSubject(MockSmtpServer smtp) throws Exception {
        new Notifier(smtp.host(), smtp.port()).welcome("ada@example.com");
        assertThat(smtp).eventually().hasMessageTo("ada@example.com").hasSubject("Welcome, Ada");
    }
}
