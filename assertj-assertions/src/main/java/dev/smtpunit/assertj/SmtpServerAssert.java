package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import org.assertj.core.api.AbstractAssert;

import java.time.Duration;

/**
 * Assertions on a server, as a shortcut to its mailbox and transcript.
 *
 * <pre>{@code
 * assertThat(smtp).eventually().hasMessageCount(1);
 * assertThat(smtp).transcript().containsCommandsInOrder(EHLO, MAIL, RCPT, DATA);
 * }</pre>
 */
public class SmtpServerAssert extends AbstractAssert<SmtpServerAssert, MockSmtpServer> {
    private Duration waitFor;

    /**
     * @param actual the server under test
     */
    public SmtpServerAssert(MockSmtpServer actual) {
        super(actual, SmtpServerAssert.class);
    }

    /**
     * Makes the mailbox assertions that follow wait up to the default deadline.
     * <pre>{@code assertThat(smtp).eventually().hasMessageCount(1);}</pre>
     *
     * @return this
     */
    public SmtpServerAssert eventually() {
        return eventually(SmtpAssertions.defaultTimeout());
    }

    /**
     * Makes the mailbox assertions that follow wait up to {@code timeout}.
     * <pre>{@code assertThat(smtp).eventually(Duration.ofSeconds(20)).hasMessageCount(5);}</pre>
     *
     * @param timeout the deadline
     * @return this
     */
    public SmtpServerAssert eventually(Duration timeout) {
        this.waitFor = timeout;
        return this;
    }

    /**
     * Continues with assertions on the mailbox (waiting if {@link #eventually()} was called).
     * <pre>{@code assertThat(smtp).mailbox().hasMessageTo("ada@example.com");}</pre>
     *
     * @return mailbox assertions
     */
    public MailboxAssert mailbox() {
        isNotNull();
        MailboxAssert a = new MailboxAssert(actual.mailbox());
        return waitFor == null ? a : a.eventually(waitFor);
    }

    /**
     * Exactly {@code count} messages arrived.
     * <pre>{@code assertThat(smtp).hasMessageCount(1);}</pre>
     *
     * @param count the number
     * @return this
     */
    public SmtpServerAssert hasMessageCount(int count) {
        mailbox().hasMessageCount(count);
        return this;
    }

    /**
     * A message was sent to this address; continues with assertions on it.
     * <pre>{@code assertThat(smtp).hasMessageTo("ada@example.com").hasSubject("Hi");}</pre>
     *
     * @param address the envelope recipient
     * @return assertions on the message
     */
    public ReceivedMessageAssert hasMessageTo(String address) {
        return mailbox().hasMessageTo(address);
    }

    /**
     * Continues with assertions on the transcript.
     * <pre>{@code assertThat(smtp).transcript().upgradedToTlsBeforeAuth();}</pre>
     *
     * @return transcript assertions
     */
    public TranscriptAssert transcript() {
        isNotNull();
        return new TranscriptAssert(actual.transcript());
    }
}
