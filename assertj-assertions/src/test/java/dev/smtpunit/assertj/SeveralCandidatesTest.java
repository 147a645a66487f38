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
        assertThat(smtp).hasMessageTo("ada@example.com").hasSubject("Reset your password").hasTextBodyMatching("code: \\d{6}");
        assertThat(smtp.mailbox()).hasMessageTo("ada@example.com").hasSubject("Welcome, Ada").hasTextBody("Hello Ada");
        assertThat(smtp.mailbox()).hasMessageFrom("app@example.com").hasEnvelopeRecipients("bob@example.com");
        assertThat(smtp.mailbox()).hasMessageMatching(m -> m.subject().startsWith("Welcome"), "a welcome")
                .hasTextBodyContaining("Bob");
    }

    @Test
    void eachAssertionNarrowsTheCandidatesOfTheOnesBefore() throws Exception {
        welcomeAndReset();
        assertThatThrownBy(() -> assertThat(smtp).hasMessageTo("ada@example.com").hasSubject("Welcome, Ada")
                .hasTextBodyContaining("code")).hasMessageStartingWith(String.format("%nExpecting message:%n"
                        + "  \"Welcome, Ada\" from <app@example.com> to [ada@example.com] (%d bytes)%n"
                        + "to have text body containing:%n  \"code\"%nbut was:%n  \"Hello Ada", size(0)));
    }

    @Test
    void aFailureNamesEveryCandidate() throws Exception {
        welcomeAndReset();
        assertThatThrownBy(() -> assertThat(smtp).hasMessageTo("ada@example.com").hasSubject("Your invoice"))
                .hasMessage(String.format("%nExpecting one of the 2 messages to <ada@example.com> to have subject:%n"
                        + "  \"Your invoice\"%nbut none has:%n"
                        + "  1. \"Welcome, Ada\" from <app@example.com> to [ada@example.com] (%d bytes)%n"
                        + "     but was: \"Welcome, Ada\"%n"
                        + "  3. \"Reset your password\" from <app@example.com> to [ada@example.com] (%d bytes)%n"
                        + "     but was: \"Reset your password\"", size(0), size(2)));
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).hasMessageFrom("app@example.com").hasTextBodyContaining("Hello")
                .wasDeliveredOverTls()).hasMessageStartingWith(String.format(
                        "%nExpecting one of the 2 messages from <app@example.com>, text body containing \"Hello\" to have"
                                + " been delivered over:%n  \"TLS\"%nbut none has:%n  1. "));
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
        assertThat(smtp).eventually(Duration.ofSeconds(10)).hasMessageTo("ada@example.com").hasSubject("Reset your password")
                .hasTextBodyContaining("123456");
        later.join();
    }

    @Test
    void eventuallySharesOneDeadlineAcrossTheChain() throws Exception {
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome, Ada", "Hello Ada");
        long start = System.nanoTime();
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).eventually(Duration.ofMillis(300)).hasMessageTo("ada@example.com")
                .hasSubject("Never")).hasMessageStartingWith("After waiting 300 ms:");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void messagesNavigateToMessageAssertions() throws Exception {
        welcomeAndReset();
        assertThat(smtp.mailbox()).messages().hasSize(3).first().hasSubject("Welcome, Ada");
        assertThat(smtp.mailbox()).messages().element(1).hasEnvelopeRecipients("bob@example.com");
        assertThat(smtp.mailbox()).messages().last().hasTextBodyContaining("123456");
        assertThat(smtp.mailbox()).messages().filteredOn(m -> m.subject().startsWith("Welcome")).last().hasSubject("Welcome, Bob");
        assertThat(smtp.mailbox()).messages().extracting(ReceivedMessage::subject).contains("Reset your password");
        assertThatThrownBy(() -> assertThat(smtp.mailbox()).messages().first().hasSubject("Reset your password"))
                .hasMessageContaining("to have subject:");
    }

    @Test
    void oneStaticImportServesAssertJsOwnAssertionsToo() {
        List<String> unused = smtp.faults().unused().stream().map(Object::toString).toList();
        assertThat(smtp.faults().unused()).isEmpty();
        assertThat(unused).isEmpty();
        assertThat("text").startsWith("te");
        assertThat(Mailbox.class).isFinal();
    }

    private int size(int index) {
        return smtp.mailbox().messages().get(index).size();
    }
}
