package dev.smtpunit.assertj;

import dev.smtpunit.Mailbox;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Transcript;
import dev.smtpunit.assertj.internal.Frames;
import org.assertj.core.api.SoftAssertions;

/**
 * Collects failures of SmtpUnit assertions (and of AssertJ's own, as it extends
 * {@link SoftAssertions}) and reports them together. Chains stay soft after navigation:
 * {@code softly.assertThat(smtp).eventually().hasMessageTo(...).hasSubject(...)} collects every
 * failure, and a navigation that finds nothing records that failure and skips what follows it.
 *
 * <pre>{@code
 * SmtpSoftAssertions softly = new SmtpSoftAssertions();
 * softly.assertThat(mail).hasSubject("Welcome").hasTextBodyContaining("confirm");
 * softly.assertThat(smtp.transcript()).hasNoProtocolViolations();
 * softly.assertAll();
 * }</pre>
 *
 * <p>Under parallel execution take it as a test-method parameter of an {@code @SmtpServer} test:
 * the extension makes one per test and asserts it after the test. AssertJ's
 * {@code @InjectSoftAssertions} field injection mixes up the failures of test methods of one class
 * that run concurrently (AssertJ issue 2356).
 */
public class SmtpSoftAssertions extends SoftAssertions {
    private final Navigation navigation = new Navigation(this);

    /** Creates an empty collector. */
    public SmtpSoftAssertions() {}

    /**
     * Collects a failure, its stack trace without SmtpUnit's frames so that it points at the test.
     *
     * @param error the failure
     */
    @Override
    public void collectAssertionError(AssertionError error) {
        super.collectAssertionError(Frames.strip(error));
    }

    /**
     * Soft assertions on one message.
     * <pre>{@code softly.assertThat(mail).hasSubject("Welcome").isFrom("app@example.com");}</pre>
     *
     * @param message the message
     * @return soft assertions on it
     */
    public ReceivedMessageAssert assertThat(ReceivedMessage message) {
        return navigation.message(message, null);
    }

    /**
     * Soft assertions on a mailbox.
     * <pre>{@code softly.assertThat(smtp.mailbox()).hasMessageTo("ada@example.com").hasSubject("Welcome");}</pre>
     *
     * @param mailbox the mailbox
     * @return soft assertions on it
     */
    public MailboxAssert assertThat(Mailbox mailbox) {
        return navigation.mailbox(mailbox);
    }

    /**
     * Soft assertions on a transcript.
     * <pre>{@code softly.assertThat(smtp.transcript()).repliedTo(RCPT, 452).times(2);}</pre>
     *
     * @param transcript the transcript
     * @return soft assertions on it
     */
    public TranscriptAssert assertThat(Transcript transcript) {
        return navigation.transcript(transcript);
    }

    /**
     * Soft assertions on a server.
     * <pre>{@code softly.assertThat(smtp).eventually().hasMessageTo("ada@example.com").hasSubject("Welcome");}</pre>
     *
     * @param server the server
     * @return soft assertions on it
     */
    public SmtpServerAssert assertThat(MockSmtpServer server) {
        return navigation.server(server);
    }
}
