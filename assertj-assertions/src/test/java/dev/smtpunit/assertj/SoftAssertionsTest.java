package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpPhase;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@org.junit.jupiter.api.extension.ExtendWith(org.assertj.core.api.junit.jupiter.SoftAssertionsExtension.class)
class SoftAssertionsTest {
    @org.assertj.core.api.junit.jupiter.InjectSoftAssertions
    private SmtpSoftAssertions injected;

    @Test
    void assertJsExtensionInjectsThem() throws Exception {
        assertThat(injected).isNotNull();
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Send.text(smtp, "app@example.com", "ada@example.com", "Injected", "x");
            injected.assertThat(smtp.mailbox()).hasMessageCount(1);
            injected.assertThat(smtp.mailbox().messages().get(0)).hasSubject("Injected");
        }
    }

    @Test
    void collectsEveryFailure() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Send.text(smtp, "app@example.com", "ada@example.com", "Welcome", "Hello");
            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);

            SmtpSoftAssertions softly = new SmtpSoftAssertions();
            softly.assertThat(mail)
                    .hasSubject("Goodbye")
                    .hasTextBodyContaining("Hello")
                    .isFrom("nobody@example.com");
            softly.assertThat(smtp.mailbox()).hasMessageCount(3);
            softly.assertThat(smtp.transcript()).containsCommandsInOrder(SmtpPhase.STARTTLS);
            softly.assertThat(smtp).hasMessageCount(1);

            Throwable t = catchThrowable(softly::assertAll);
            assertThat(t).isInstanceOf(AssertJMultipleFailuresError.class);
            assertThat(((AssertJMultipleFailuresError) t).getFailures()).hasSize(4);
            assertThat(t.getMessage())
                    .contains(
                            "to have subject:",
                            "to have From:",
                            "to hold 3 messages",
                            "contain the commands [STARTTLS]");
        }
    }
}
