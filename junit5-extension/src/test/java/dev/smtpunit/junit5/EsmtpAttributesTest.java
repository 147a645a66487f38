package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTPUTF8, DSN and recipient-limit attributes of {@link SmtpServer} reach the server's options. */
class EsmtpAttributesTest {

    @Test
    void switchOnSmtpUtf8DsnAndSetTheRecipientLimit(
            @SmtpServer(smtpUtf8 = true, dsn = true, maxRecipients = 3) MockSmtpServer smtp) {
        assertThat(smtp.options().smtpUtf8()).isTrue();
        assertThat(smtp.options().dsn()).isTrue();
        assertThat(smtp.options().maxRecipients()).isEqualTo(3);
    }

    @Test
    void areOffWithTheRfcMinimumOf100RecipientsByDefault(@SmtpServer MockSmtpServer smtp) {
        assertThat(smtp.options().smtpUtf8()).isFalse();
        assertThat(smtp.options().dsn()).isFalse();
        assertThat(smtp.options().maxRecipients()).isEqualTo(100);
    }
}
