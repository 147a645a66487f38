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
    /** How navigation continues and where failures go; set by {@link Navigation}. */
    Navigation navigation = Navigation.HARD;

    private Duration waitFor;

    /**
     * Creates the assertions; tests start them with {@code SmtpAssertions.assertThat(server)}.
     *
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
        if (!navigable()) {
            return navigation.mailbox(null);
        }
        MailboxAssert a = navigation.mailbox(actual.mailbox());
        return waitFor == null ? a : a.eventually(waitFor);
    }

    /** Whether there is a server to navigate from; when not, the failure is thrown or collected. */
    private boolean navigable() {
        try {
            isNotNull();
            return true;
        } catch (AssertionError e) {
            navigation.fail(e);
            return false;
        }
    }

    /** The mailbox assertions this one delegates to: plain objects, failures thrown to this one's caller. */
    private MailboxAssert delegate() {
        isNotNull();
        MailboxAssert a = new MailboxAssert(actual.mailbox());
        a.navigation = navigation;
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
        delegate().hasMessageCount(count);
        return this;
    }

    /**
     * A message was sent to this address; continues with assertions on the messages sent to it, of
     * which one must pass them all (see {@link MailboxAssert#hasMessageTo(String)}).
     * <pre>{@code assertThat(smtp).hasMessageTo("ada@example.com").hasSubject("Hi");}</pre>
     *
     * @param address the envelope recipient
     * @return assertions on the messages to that address
     */
    public ReceivedMessageAssert hasMessageTo(String address) {
        try {
            return delegate().hasMessageTo(address);
        } catch (AssertionError e) {
            navigation.fail(e);
            return navigation.message(null, Selection.FAILED);
        }
    }

    /**
     * Continues with assertions on the transcript.
     * <pre>{@code assertThat(smtp).transcript().upgradedToTlsBeforeAuth();}</pre>
     *
     * @return transcript assertions
     */
    public TranscriptAssert transcript() {
        return navigation.transcript(navigable() ? actual.transcript() : null);
    }
}
