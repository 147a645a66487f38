package dev.smtpunit.assertj;

import dev.smtpunit.Mailbox;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static dev.smtpunit.assertj.SmtpAssertions.assertThatThrownBy;

/** A navigation such as hasMessageTo(ada) stands for every message to Ada; one of them must pass the chain. */
class SeveralCandidatesTest {
    private MockSmtpServer smtp;

    @BeforeEach
    void start() {
        smtp = new MockSmtpServer().start();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private void welcomeAndReset() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome, Ada", "Hello Ada");
        Send.text(smtp, "app@example.com", "bob@example.com", "Welcome, Bob", "Hello Bob");
        Send.text(smtp, "app@example.com", "ada@example.com", "Reset your password", "Your code: 123456");
    }

    @Test
    void theChainPassesWhenSomeMessageToTheAddressSatisfiesIt() throws Exception {
        welcomeAndReset();
        assertThat(smtp)
                .hasMessageTo("ada@example.com")
                .hasSubject("Reset your password")
                .hasTextBodyMatching("code: \\d{6}");
        assertThat(smtp.mailbox())
                .hasMessageTo("ada@example.com")
                .hasSubject("Welcome, Ada")
                .hasTextBody("Hello Ada");
        assertThat(smtp.mailbox()).hasMessageFrom("app@example.com").hasEnvelopeRecipients("bob@example.com");
        assertThat(smtp.mailbox())
                .hasMessageMatching(m -> m.subject().startsWith("Welcome"), "a welcome")
                .hasTextBodyContaining("Bob");
    }

    @Test
    void eachAssertionNarrowsTheCandidatesOfTheOnesBefore() throws Exception {
        welcomeAndReset();
        assertThatThrownBy(() -> assertThat(smtp)
                        .hasMessageTo("ada@example.com")
                        .hasSubject("Welcome, Ada")
                        .hasTextBodyContaining("code"))
                .hasMessageStartingWith(String.format(
                        "%nExpecting message:%n"
                                + "  Subject: \"Welcome, Ada\", envelope from=<app@example.com> to=[ada@example.com], %d bytes%n"
                                + "to have text body containing:%n  \"code\"%nbut was:%n  \"Hello Ada",
                        size(0)));
    }

    @Test
    void aFailureNamesEveryCandidate() throws Exception {
        welcomeAndReset();
        assertThatThrownBy(
                        () -> assertThat(smtp).hasMessageTo("ada@example.com").hasSubject("Your invoice"))
                .hasMessage(String.format(
                        "%nExpecting one of the 2 messages to <ada@example.com> to have subject:%n"
                                + "  \"Your invoice\"%nbut none does:%n"
                                + "  1. Subject: \"Welcome, Ada\", envelope from=<app@example.com> to=[ada@example.com], %d bytes%n"
                                + "     but was: \"Welcome, Ada\"%n"
                                + "  3. Subject: \"Reset your password\", envelope from=<app@example.com> to=[ada@example.com], %d bytes%n"
                                + "     but was: \"Reset your password\"",
                        size(0), size(2)));
        assertThatThrownBy(() -> assertThat(smtp.mailbox())
                        .hasMessageFrom("app@example.com")
                        .hasTextBodyContaining("Hello")
                        .wasDeliveredOverTls())
                .hasMessageStartingWith(String.format(
                        "%nExpecting one of the 2 messages from <app@example.com>, text body containing \"Hello\" to have"
                                + " been delivered over:%n  \"TLS\"%nbut none does:%n  1. "));
    }

    @Test
    void percentSignsInSubjectsBodiesAndAddressesPrintAsTheyAre() throws Exception {
        Send.text(smtp, "shop@example.com", "ada@example.com", "Save 100% today", "50%n off, %s and %d: %%");
        Send.text(smtp, "shop@example.com", "per%cent@example.com", "Only 5% left", "x");
        assertThatThrownBy(() -> assertThat(smtp.mailbox())
                        .hasMessageFrom("shop@example.com")
                        .hasSubject("Save 100%% today"))
                .hasMessage(String.format(
                        "%nExpecting one of the 2 messages from <shop@example.com> to have subject:%n"
                                + "  \"Save 100%%%% today\"%nbut none does:%n"
                                + "  1. Subject: \"Save 100%% today\", envelope from=<shop@example.com> to=[ada@example.com], %d bytes%n"
                                + "     but was: \"Save 100%% today\"%n"
                                + "  2. Subject: \"Only 5%% left\", envelope from=<shop@example.com> to=[per%%cent@example.com], %d bytes%n"
                                + "     but was: \"Only 5%% left\"",
                        size(0), size(1)));
        assertThatThrownBy(
                        () -> assertThat(smtp).hasMessageTo("ada@example.com").hasTextBodyContaining("100%"))
                .hasMessage(String.format(
                        "%nExpecting message:%n"
                                + "  Subject: \"Save 100%% today\", envelope from=<shop@example.com> to=[ada@example.com], %d bytes%n"
                                + "to have text body containing:%n  \"100%%\"%nbut was:%n  \"%s\"",
                        size(0), smtp.mailbox().messages().get(0).textBody().orElseThrow()));
        org.assertj.core.api.Assertions.assertThat(
                        smtp.mailbox().messages().get(0).textBody())
                .hasValueSatisfying(
                        body -> org.assertj.core.api.Assertions.assertThat(body).startsWith("50%n off, %s and %d: %%"));
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageTo("per%cent@example.org"))
                .hasMessage(String.format(
                        "%nExpecting mailbox to contain a message to <per%%cent@example.org>%nbut it holds 2 messages:%n"
                                + "  1. Subject: \"Save 100%% today\", envelope from=<shop@example.com> to=[ada@example.com], %d bytes%n"
                                + "  2. Subject: \"Only 5%% left\", envelope from=<shop@example.com> to=[per%%cent@example.com], %d bytes%n"
                                + "The nearest is message 2: its recipients are [per%%cent@example.com].",
                        size(0), size(1)));
    }

    @Test
    void eventuallyWaitsForAMessageThatSatisfiesTheWholeChain() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome, Ada", "Hello Ada");
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
            try {
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
                Send.text(smtp, "app@example.com", "ada@example.com", "Reset your password", "Your code: 123456");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(smtp)
                .eventually(Duration.ofSeconds(10))
                .hasMessageTo("ada@example.com")
                .hasSubject("Reset your password")
                .hasTextBodyContaining("123456");
        later.join();
    }

    @Test
    void eventuallySharesOneDeadlineAcrossTheChain() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome, Ada", "Hello Ada");
        long start = System.nanoTime();
        assertThatThrownBy(() -> assertThat(smtp.mailbox())
                        .eventually(Duration.ofMillis(300))
                        .hasMessageTo("ada@example.com")
                        .hasSubject("Never"))
                .hasMessageStartingWith(String.format("%nAfter waiting 300 ms:"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void messagesNavigateToMessageAssertions() throws Exception {
        welcomeAndReset();
        assertThat(smtp.mailbox()).messages().hasSize(3).first().hasSubject("Welcome, Ada");
        assertThat(smtp.mailbox()).messages().element(1).hasEnvelopeRecipients("bob@example.com");
        assertThat(smtp.mailbox()).messages().last().hasTextBodyContaining("123456");
        assertThat(smtp.mailbox())
                .messages()
                .filteredOn(m -> m.subject().startsWith("Welcome"))
                .last()
                .hasSubject("Welcome, Bob");
        assertThat(smtp.mailbox())
                .messages()
                .extracting(ReceivedMessage::subject)
                .contains("Reset your password");
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).messages().first().hasSubject("Reset your password"))
                .hasMessageContaining("to have subject:");
    }

    @Test
    void oneStaticImportServesAssertJsOwnAssertionsToo() {
        List<String> unused =
                smtp.faults().unused().stream().map(Object::toString).toList();
        assertThat(smtp.faults().unused()).isEmpty();
        assertThat(unused).isEmpty();
        assertThat("text").startsWith("te");
        assertThat(Mailbox.class).isFinal();
    }

    private int size(int index) {
        return smtp.mailbox().messages().get(index).size();
    }
}
