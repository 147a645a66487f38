package dev.smtpunit.assertj;

import dev.smtpunit.Mailbox;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Transcript;
import org.assertj.core.api.Assertions;

import java.time.Duration;
import java.util.Objects;

/**
 * The entry point of SmtpUnit's AssertJ assertions. It extends AssertJ's {@link Assertions}, so one
 * static import serves a whole test: SmtpUnit's types and everything else.
 *
 * <pre>{@code
 * import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
 *
 * assertThat(smtp).eventually().hasMessageTo("ada@example.com")
 *         .hasSubject("Welcome, Ada")
 *         .hasTextBodyContaining("confirm your address");
 * assertThat(smtp.transcript()).repliedTo(RCPT, 452).times(2).thenRepliedTo(RCPT, 250);
 * assertThat(smtp.faults().unused()).isEmpty();        // AssertJ's own list assertions
 * }</pre>
 */
public final class SmtpAssertions extends Assertions {
    private static volatile Duration defaultTimeout = Duration.ofSeconds(5);

    private SmtpAssertions() {}

    /**
     * Assertions on a server: a shortcut to its mailbox and transcript.
     * <pre>{@code assertThat(smtp).eventually().hasMessageTo("ada@example.com").hasSubject("Welcome, Ada");}</pre>
     *
     * @param server the server
     * @return assertions on it
     */
    public static SmtpServerAssert assertThat(MockSmtpServer server) {
        return new SmtpServerAssert(server);
    }

    /**
     * Assertions on a mailbox.
     * <pre>{@code assertThat(smtp.mailbox()).eventually().hasMessageCount(2);}</pre>
     *
     * @param mailbox the mailbox
     * @return assertions on it
     */
    public static MailboxAssert assertThat(Mailbox mailbox) {
        return new MailboxAssert(mailbox);
    }

    /**
     * Assertions on one message.
     * <pre>{@code assertThat(mail).hasSubject("Invoice 42").hasAttachment("invoice.pdf");}</pre>
     *
     * @param message the message
     * @return assertions on it
     */
    public static ReceivedMessageAssert assertThat(ReceivedMessage message) {
        return new ReceivedMessageAssert(message);
    }

    /**
     * Assertions on what crossed the wire.
     * <pre>{@code assertThat(smtp.transcript()).repliedTo(RCPT, 452).times(2).thenRepliedTo(RCPT, 250);}</pre>
     *
     * @param transcript the transcript
     * @return assertions on it
     */
    public static TranscriptAssert assertThat(Transcript transcript) {
        return new TranscriptAssert(transcript);
    }

    /** {@return how long {@code eventually()} waits; 5 seconds unless changed} */
    public static Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * Changes how long {@code eventually()} waits, for the whole JVM.
     *
     * @param timeout a positive duration
     */
    public static void setDefaultTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the default timeout must be positive, was " + timeout);
        }
        defaultTimeout = timeout;
    }
}
