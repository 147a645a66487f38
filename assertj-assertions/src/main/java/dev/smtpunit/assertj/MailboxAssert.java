package dev.smtpunit.assertj;

import dev.smtpunit.Mailbox;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.assertj.internal.Describe;
import dev.smtpunit.assertj.internal.Frames;
import dev.smtpunit.assertj.internal.ShouldHave;
import dev.smtpunit.assertj.internal.Waiting;
import dev.smtpunit.internal.Bounded;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Assertions on a server's mailbox. After {@link #eventually()} every assertion waits (up to a
 * deadline) for the mailbox to satisfy it, for mail sent asynchronously.
 *
 * <pre>{@code
 * assertThat(smtp.mailbox()).eventually().hasMessageCount(1);
 * assertThat(smtp.mailbox()).hasMessageTo("ada@example.com").hasSubject("Welcome, Ada");
 * }</pre>
 *
 * <p><b>Several candidates.</b> {@link #hasMessageTo}, {@link #hasMessageFrom},
 * {@link #hasMessageWithSubject} and {@link #hasMessageMatching} lead to assertions on every message
 * that fits, not on the first one: the chain passes when <em>some</em> message satisfies all the
 * assertions that follow, and a failure lists every candidate with what it has instead. Two mails
 * to Ada, a welcome and a password reset, pass
 * {@code hasMessageTo("ada@example.com").hasSubject("Reset your password").hasTextBodyContaining("code")}.
 * To check that <em>every</em> message fits, use {@link #allMessagesSatisfy}; to pin one, use
 * {@code messages().element(i)}.
 */
public class MailboxAssert extends AbstractAssert<MailboxAssert, Mailbox> {
    /** How navigation continues and where failures go; set by {@link Navigation}. */
    Navigation navigation = Navigation.HARD;

    private Duration waitFor;

    /**
     * Creates the assertions; tests start them with {@code SmtpAssertions.assertThat(mailbox)}.
     *
     * @param actual the mailbox under test
     */
    public MailboxAssert(Mailbox actual) {
        super(actual, MailboxAssert.class);
    }

    /** Failures point at the test: SmtpUnit's own frames are taken out of the stack trace. */
    @Override
    protected AssertionError assertionError(ErrorMessageFactory factory) {
        return Frames.strip(super.assertionError(factory));
    }

    /**
     * Makes the following assertions wait up to {@link SmtpAssertions#defaultTimeout()} for the mailbox
     * to satisfy them.
     * <pre>{@code assertThat(smtp.mailbox()).eventually().hasMessageTo("ada@example.com");}</pre>
     *
     * @return this
     */
    public MailboxAssert eventually() {
        return eventually(SmtpAssertions.defaultTimeout());
    }

    /**
     * Makes the following assertions wait up to {@code timeout}.
     * <pre>{@code assertThat(smtp.mailbox()).eventually(Duration.ofSeconds(30)).hasMessageCount(3);}</pre>
     *
     * @param timeout the deadline
     * @return this
     */
    public MailboxAssert eventually(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        this.waitFor = timeout;
        return this;
    }

    private void check(Runnable r) {
        isNotNull();
        Waiting.check(waitFor, r);
    }

    private void fail(String expectation, List<ReceivedMessage> messages, String nearest) {
        fail(expectation, holds(messages), nearest);
    }

    private void fail(String expectation, String holds, String nearest) {
        throwAssertionError(ShouldHave.mailbox(expectation, holds, nearest == null ? "" : nearest));
    }

    private static String holds(List<ReceivedMessage> messages) {
        return messages.isEmpty()
                ? "it is empty."
                : "it holds " + messages.size() + " message" + (messages.size() == 1 ? "" : "s") + ":" + ShouldHave.NL
                        + Describe.messages(messages);
    }

    /**
     * Exactly {@code count} messages arrived.
     * <pre>{@code assertThat(smtp.mailbox()).hasMessageCount(2);}</pre>
     *
     * @param count the number
     * @return this
     */
    public MailboxAssert hasMessageCount(int count) {
        check(() -> {
            List<ReceivedMessage> messages = actual.messages();
            if (messages.size() != count) {
                fail("hold " + count + " message" + (count == 1 ? "" : "s"), messages, droppedNote());
            }
        });
        return this;
    }

    /**
     * No message arrived.
     * <pre>{@code assertThat(smtp.mailbox()).isEmpty();}</pre>
     *
     * @return this
     */
    public MailboxAssert isEmpty() {
        return hasMessageCount(0);
    }

    /**
     * No message was dropped to keep within the server's {@code maxStoredMessages}: every message that
     * arrived since the last reset is still in the mailbox.
     * <pre>{@code assertThat(smtp.mailbox()).hasNoDroppedMessages();}</pre>
     *
     * @return this
     */
    public MailboxAssert hasNoDroppedMessages() {
        return hasDroppedMessageCount(0);
    }

    /**
     * Exactly {@code count} messages were dropped, oldest first, to keep within the server's
     * {@code maxStoredMessages}.
     * <pre>{@code assertThat(smtp.mailbox()).hasDroppedMessageCount(3);}</pre>
     *
     * @param count the number
     * @return this
     */
    public MailboxAssert hasDroppedMessageCount(long count) {
        check(() -> {
            long dropped = actual.droppedCount();
            if (dropped != count) {
                String note = droppedNote();
                fail(
                        "have dropped " + count + " message" + (count == 1 ? "" : "s")
                                + " to keep within maxStoredMessages",
                        actual.messages(),
                        note == null ? "and none was dropped." : note);
            }
        });
        return this;
    }

    private String droppedNote() {
        long dropped = actual.droppedCount();
        return dropped == 0
                ? null
                : "and " + dropped + " older message" + (dropped == 1 ? " was" : "s were")
                        + " dropped to keep within maxStoredMessages.";
    }

    /**
     * Watches the mailbox for the whole duration and fails if any message arrives after this call; the
     * messages already there do not count: for "nothing more is sent" after the mail a test expects.
     * <pre>{@code
     * assertThat(smtp.mailbox()).eventually().hasMessageCount(2);
     * assertThat(smtp.mailbox()).receivesNoMoreMessagesWithin(Duration.ofMillis(300));
     * }</pre>
     *
     * @param duration how long to watch
     * @return this
     */
    public MailboxAssert receivesNoMoreMessagesWithin(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        isNotNull();
        // positions count dropped messages too (Mailbox.messagesAfter), so a full bounded mailbox is not "more"
        int seen = Math.toIntExact(actual.size() + actual.droppedCount());
        List<ReceivedMessage> fresh;
        try {
            fresh = actual.awaitMessagesAfter(seen, duration);
        } catch (Mailbox.MailboxTimeoutException e) {
            return this;
        }
        List<ReceivedMessage> now = actual.messages();
        fail(
                "receive no more messages within " + millis(duration) + " after the " + seen + " it held",
                fresh.size() + " more arrived; " + holds(now),
                null);
        return this;
    }

    /**
     * The mailbox is empty now and stays empty for the whole duration: for "nothing is sent at all".
     * Fails at once when mail is already there.
     * <pre>{@code assertThat(smtp.mailbox()).staysEmptyFor(Duration.ofMillis(300));}</pre>
     *
     * @param duration how long to watch
     * @return this
     */
    public MailboxAssert staysEmptyFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        isNotNull();
        List<ReceivedMessage> already = actual.messages();
        if (!already.isEmpty()) {
            fail("stay empty for " + millis(duration), holds(already), null);
        }
        return receivesNoMoreMessagesWithin(duration);
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * A message was sent to this address (envelope recipient, which includes BCC); continues with
     * assertions on the messages sent to it (the chain passes when one of them satisfies them all).
     * <pre>{@code assertThat(smtp.mailbox()).hasMessageTo("ada@example.com").hasSubject("Welcome");}</pre>
     *
     * @param address the recipient
     * @return assertions on the message
     */
    public ReceivedMessageAssert hasMessageTo(String address) {
        return find(
                "to <" + address + ">",
                m -> m.envelope().recipientAddresses().stream().anyMatch(address::equalsIgnoreCase),
                m -> m.envelope().recipientAddresses().stream()
                        .mapToInt(r -> Describe.distance(r, address))
                        .min()
                        .orElse(1000),
                m -> "its recipients are " + m.envelope().recipientAddresses());
    }

    /**
     * A message was sent from this address (envelope sender); continues with assertions on the
     * messages sent from it (the chain passes when one of them satisfies them all).
     * <pre>{@code assertThat(smtp.mailbox()).hasMessageFrom("noreply@example.com");}</pre>
     *
     * @param address the sender
     * @return assertions on the message
     */
    public ReceivedMessageAssert hasMessageFrom(String address) {
        return find(
                "from <" + address + ">",
                m -> m.envelope().sender().equalsIgnoreCase(address),
                m -> Describe.distance(m.envelope().sender(), address),
                m -> "its sender is <" + m.envelope().sender() + ">");
    }

    /**
     * A message has exactly this subject; continues with assertions on the messages that have it
     * (the chain passes when one of them satisfies them all).
     * <pre>{@code assertThat(smtp.mailbox()).hasMessageWithSubject("Reset your password");}</pre>
     *
     * @param subject the subject
     * @return assertions on the message
     */
    public ReceivedMessageAssert hasMessageWithSubject(String subject) {
        return find(
                "with subject \"" + subject + "\"",
                m -> m.subject().equals(subject),
                m -> Describe.distance(m.subject(), subject),
                m -> "its subject is \"" + m.subject() + "\"");
    }

    /**
     * A message satisfies the predicate; continues with assertions on the messages that do (the
     * chain passes when one of them satisfies them all).
     * <pre>{@code assertThat(smtp.mailbox()).hasMessageMatching(m -> m.attachments().size() == 2, "two attachments");}</pre>
     *
     * @param predicate the condition
     * @param description what the condition means, for the failure message
     * @return assertions on the message
     */
    public ReceivedMessageAssert hasMessageMatching(Predicate<? super ReceivedMessage> predicate, String description) {
        return find("matching " + description, predicate, null, null);
    }

    private ReceivedMessageAssert find(
            String which,
            Predicate<? super ReceivedMessage> match,
            Function<ReceivedMessage, Integer> distance,
            Function<ReceivedMessage, String> difference) {
        long deadline = waitFor == null ? 0 : System.nanoTime() + waitFor.toNanos();
        ReceivedMessage[] found = new ReceivedMessage[1];
        try {
            check(() -> {
                List<ReceivedMessage> messages = actual.messages();
                found[0] = messages.stream().filter(match).findFirst().orElse(null);
                if (found[0] == null) {
                    String nearest = null;
                    if (distance != null && !messages.isEmpty()) {
                        ReceivedMessage best = messages.stream()
                                .min(Comparator.comparing(distance))
                                .orElseThrow();
                        nearest = "The nearest is message " + (messages.indexOf(best) + 1) + ": "
                                + difference.apply(best) + ".";
                    }
                    fail("contain a message " + which, messages, nearest);
                }
            });
        } catch (AssertionError e) {
            navigation.fail(e);
            return navigation.message(null, Selection.FAILED);
        }
        return navigation.message(found[0], new Selection(actual, which, match, waitFor, deadline));
    }

    /**
     * Every message passes the given assertions.
     * <pre>{@code assertThat(smtp.mailbox()).allMessagesSatisfy(m -> assertThat(m).wasDeliveredOverTls());}</pre>
     *
     * @param requirements assertions on one message
     * @return this
     */
    public MailboxAssert allMessagesSatisfy(Consumer<ReceivedMessage> requirements) {
        check(() -> {
            List<ReceivedMessage> messages = actual.messages();
            for (int i = 0; i < messages.size(); i++) {
                try {
                    requirements.accept(messages.get(i));
                } catch (AssertionError e) {
                    fail(
                            "hold only messages that satisfy the requirements, but message " + (i + 1) + " does not:"
                                    + Bounded.value(e.getMessage()),
                            messages,
                            null);
                }
            }
        });
        return this;
    }

    /**
     * Continues with AssertJ's list assertions on a snapshot of the messages, taken now (wait first
     * with {@code eventually().hasMessageCount(n)}); {@code first()}, {@code last()} and
     * {@code element(i)} lead to {@link ReceivedMessageAssert}.
     * <pre>{@code
     * assertThat(smtp.mailbox()).messages().extracting(ReceivedMessage::subject).containsExactly("A", "B");
     * assertThat(smtp.mailbox()).messages().last().hasSubject("B");
     * }</pre>
     *
     * @return list assertions
     */
    public MessagesAssert messages() {
        isNotNull();
        return navigation.messages(actual.messages());
    }
}
