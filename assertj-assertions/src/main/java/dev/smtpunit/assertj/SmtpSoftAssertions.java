package dev.smtpunit.assertj;

import dev.smtpunit.Mailbox;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Transcript;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Collects failures of SmtpUnit assertions and reports them together.
 *
 * <pre>{@code
 * SmtpSoftAssertions softly = new SmtpSoftAssertions();
 * softly.assertThat(mail).hasSubject("Welcome").hasTextBodyContaining("confirm");
 * softly.assertThat(smtp.transcript()).usedAuthMechanism("PLAIN");
 * softly.assertAll();
 * }</pre>
 */
public class SmtpSoftAssertions extends AbstractSoftAssertions {

    /** Creates an empty collector. */
    public SmtpSoftAssertions() {}

    /**
     * @param message the message
     * @return soft assertions on it
     */
    public ReceivedMessageAssert assertThat(ReceivedMessage message) {
        return proxy(ReceivedMessageAssert.class, ReceivedMessage.class, message);
    }

    /**
     * @param mailbox the mailbox
     * @return soft assertions on it
     */
    public MailboxAssert assertThat(Mailbox mailbox) {
        return proxy(MailboxAssert.class, Mailbox.class, mailbox);
    }

    /**
     * @param transcript the transcript
     * @return soft assertions on it
     */
    public TranscriptAssert assertThat(Transcript transcript) {
        return proxy(TranscriptAssert.class, Transcript.class, transcript);
    }

    /**
     * @param server the server
     * @return soft assertions on it
     */
    public SmtpServerAssert assertThat(MockSmtpServer server) {
        return proxy(SmtpServerAssert.class, MockSmtpServer.class, server);
    }
}
