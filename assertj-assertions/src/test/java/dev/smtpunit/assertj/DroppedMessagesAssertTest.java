package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.internal.Bounded;
import org.junit.jupiter.api.Test;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DroppedMessagesAssertTest {

    @Test
    void reportsMessagesDroppedToKeepWithinTheLimit() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().maxStoredMessages(2).build())) {
            Send.text(smtp, "app@example.com", "ada@example.com", "One", "x");
            assertThat(smtp.mailbox()).hasNoDroppedMessages();
            Send.text(smtp, "app@example.com", "ada@example.com", "Two", "x");
            Send.text(smtp, "app@example.com", "ada@example.com", "Three", "x");
            assertThat(smtp.mailbox()).hasDroppedMessageCount(1).hasMessageCount(2);
            String listing = Bounded.messages(smtp.mailbox().messages()).stripTrailing();
            assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasNoDroppedMessages())
                    .hasMessage(String.format(
                            "%nExpecting mailbox to have dropped 0 messages to keep within maxStoredMessages%nbut it holds 2 messages:%n"
                                    + listing + "%nand 1 older message was dropped to keep within maxStoredMessages."));
            assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageCount(3))
                    .hasMessage(String.format("%nExpecting mailbox to hold 3 messages%nbut it holds 2 messages:%n"
                            + listing + "%nand 1 older message was dropped to keep within maxStoredMessages."));
        }
    }

    @Test
    void saysNoneWasDroppedWhenSomeWereExpected() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            Send.text(smtp, "app@example.com", "ada@example.com", "One", "x");
            String listing = Bounded.messages(smtp.mailbox().messages()).stripTrailing();
            assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasDroppedMessageCount(1))
                    .hasMessage(String.format(
                            "%nExpecting mailbox to have dropped 1 message to keep within maxStoredMessages%nbut it holds 1 message:%n"
                                    + listing + "%nand none was dropped."));
        }
    }
}
