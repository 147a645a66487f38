package dev.smtpunit.assertj;

import dev.smtpunit.Attachment;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.assertj.internal.Describe;
import dev.smtpunit.assertj.internal.ShouldHave;
import org.assertj.core.api.AbstractAssert;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.presentation.StandardRepresentation.STANDARD_REPRESENTATION;

/**
 * Assertions on one received message: headers, bodies, attachments and the SMTP envelope.
 *
 * <pre>{@code
 * assertThat(mail).hasSubject("Welcome, Ada")
 *                 .hasEnvelopeRecipients("ada@example.com")
 *                 .hasTextBodyContaining("confirm your address")
 *                 .wasDeliveredOverTls();
 * }</pre>
 *
 * <p>Reached from a mailbox ({@code assertThat(smtp).hasMessageTo("ada@example.com")}), it stands for
 * every message that fits the navigation: each assertion keeps the messages that pass it and fails
 * only when none does, naming every candidate. So with two mails to Ada,
 * {@code hasMessageTo("ada@example.com").hasSubject("Reset your password")} passes when either of
 * them has that subject. AssertJ's generic assertions ({@code satisfies}, {@code extracting}, ...)
 * look at the first message that passed the assertions before them.
 */
public class ReceivedMessageAssert extends AbstractAssert<ReceivedMessageAssert, ReceivedMessage> {
    /** How navigation continues and where failures go; set by {@link Navigation}. */
    Navigation navigation = Navigation.HARD;
    /** The candidates when reached from a mailbox; null for one given message. */
    Selection selection;

    /**
     * @param actual the message under test
     */
    public ReceivedMessageAssert(ReceivedMessage actual) {
        super(actual, ReceivedMessageAssert.class);
    }

    private String self() {
        return Describe.message(actual);
    }

    private ReceivedMessageAssert expect(boolean ok, String what, Object expected, Object was) {
        if (!ok) {
            throwAssertionError(ShouldHave.value(self(), what, expected, was));
        }
        return this;
    }

    /**
     * Checks one message, or narrows the candidates of a mailbox navigation to those that pass.
     *
     * @param what what the message should have, such as "subject"
     * @param expected the expected value
     * @param ok the condition
     * @param was what the message has instead, for the failure
     * @return this, or the assertions on the narrowed candidates
     */
    private ReceivedMessageAssert check(String what, Object expected, Predicate<ReceivedMessage> ok,
            Function<ReceivedMessage, Object> was) {
        if (selection == null) {
            isNotNull();
            boolean pass = ok.test(actual);
            return expect(pass, what, expected, pass ? null : was.apply(actual));
        }
        if (selection.failed()) {
            return myself;
        }
        ReceivedMessage[] chosen = new ReceivedMessage[1];
        selection.check(() -> {
            List<ReceivedMessage> all = selection.mailbox().messages();
            List<ReceivedMessage> candidates = selection.candidates(all);
            chosen[0] = candidates.stream().filter(ok).findFirst().orElse(null);
            if (chosen[0] == null) {
                if (candidates.size() == 1) {
                    throwAssertionError(ShouldHave.value(Describe.message(candidates.get(0)), what, expected,
                            was.apply(candidates.get(0))));
                }
                StringBuilder list = new StringBuilder();
                for (ReceivedMessage m : candidates) {
                    list.append("%n  ").append(all.indexOf(m) + 1).append(". ").append(Describe.message(m).replace("%", "%%"))
                            .append("%n     but was: ").append(show(was.apply(m)).replace("%", "%%"));
                }
                throwAssertionError(ShouldHave.text("%nExpecting one of the " + candidates.size() + " messages "
                        + selection.description().replace("%", "%%") + " to have " + what.replace("%", "%%") + ":%n  "
                        + show(expected).replace("%", "%%") + "%nbut none has:" + list));
            }
        });
        ReceivedMessageAssert next = navigation.message(chosen[0], selection.narrowed(what + " " + show(expected), ok));
        if (!descriptionText().isEmpty()) {
            next.as(info.description());
        }
        return next;
    }

    private static String show(Object value) {
        return value instanceof ShouldHave.Plain ? value.toString() : STANDARD_REPRESENTATION.toStringOf(value);
    }

    /**
     * The decoded subject equals the given text.
     * <pre>{@code assertThat(mail).hasSubject("Welcome, Ada");}</pre>
     *
     * @param expected the subject
     * @return this
     */
    public ReceivedMessageAssert hasSubject(String expected) {
        return check("subject", expected, m -> m.header("Subject").isPresent() && Objects.equals(m.subject(), expected),
                m -> m.header("Subject").isPresent() ? m.subject() : ShouldHave.plain("no Subject header"));
    }

    /**
     * The message has no {@code Subject} header at all ({@link #hasSubject(String) hasSubject("")}
     * expects one that is empty).
     * <pre>{@code assertThat(mail).hasNoSubject();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert hasNoSubject() {
        return check("no Subject header", ShouldHave.plain("(none)"), m -> m.header("Subject").isEmpty(),
                ReceivedMessage::subject);
    }

    /**
     * The decoded subject contains the given text.
     * <pre>{@code assertThat(mail).hasSubjectContaining("Welcome");}</pre>
     *
     * @param part the text
     * @return this
     */
    public ReceivedMessageAssert hasSubjectContaining(String part) {
        return check("subject containing", part, m -> m.subject().contains(part), ReceivedMessage::subject);
    }

    /**
     * The {@code From} header names this address.
     * <pre>{@code assertThat(mail).isFrom("app@example.com");}</pre>
     *
     * @param address the address
     * @return this
     */
    public ReceivedMessageAssert isFrom(String address) {
        return check("From", address, m -> containsIgnoringCase(m.from(), address), ReceivedMessage::from);
    }

    /**
     * The {@code To} header names exactly these addresses, in any order.
     * <pre>{@code assertThat(mail).hasTo("ada@example.com", "bob@example.com");}</pre>
     *
     * @param addresses the addresses
     * @return this
     */
    public ReceivedMessageAssert hasTo(String... addresses) {
        return check("To", List.of(addresses), m -> sameIgnoringOrder(m.to(), addresses), ReceivedMessage::to);
    }

    /**
     * The {@code Cc} header names exactly these addresses, in any order.
     * <pre>{@code assertThat(mail).hasCc("boss@example.com");}</pre>
     *
     * @param addresses the addresses
     * @return this
     */
    public ReceivedMessageAssert hasCc(String... addresses) {
        return check("Cc", List.of(addresses), m -> sameIgnoringOrder(m.cc(), addresses), ReceivedMessage::cc);
    }

    /**
     * The envelope sender ({@code MAIL FROM}) is this address; empty for the null sender.
     * <pre>{@code assertThat(mail).hasEnvelopeSender("bounces@example.com");}</pre>
     *
     * @param address the reverse path
     * @return this
     */
    public ReceivedMessageAssert hasEnvelopeSender(String address) {
        return check("envelope sender (MAIL FROM)", address, m -> m.envelope().sender().equalsIgnoreCase(address),
                m -> m.envelope().sender());
    }

    /**
     * The envelope recipients ({@code RCPT TO}, including BCC) are exactly these, in the order sent.
     * <pre>{@code assertThat(mail).hasEnvelopeRecipients("ada@example.com", "audit@example.com");}</pre>
     *
     * @param addresses the forward paths
     * @return this
     */
    public ReceivedMessageAssert hasEnvelopeRecipients(String... addresses) {
        return check("envelope recipients (RCPT TO), in order", List.of(addresses),
                m -> m.envelope().recipientAddresses().equals(List.of(addresses)), m -> m.envelope().recipientAddresses());
    }

    /**
     * The envelope recipients include these (others may be there too).
     * <pre>{@code assertThat(mail).hasEnvelopeRecipientsContaining("audit@example.com");}</pre>
     *
     * @param addresses the forward paths
     * @return this
     */
    public ReceivedMessageAssert hasEnvelopeRecipientsContaining(String... addresses) {
        return check("envelope recipients (RCPT TO) containing", List.of(addresses),
                m -> Arrays.stream(addresses).allMatch(a -> containsIgnoringCase(m.envelope().recipientAddresses(), a)),
                m -> m.envelope().recipientAddresses());
    }

    /**
     * A header is present.
     * <pre>{@code assertThat(mail).hasHeader("List-Unsubscribe");}</pre>
     *
     * @param name the header name
     * @return this
     */
    public ReceivedMessageAssert hasHeader(String name) {
        return check("header", name, m -> !m.headers(name).isEmpty(), m -> "no such header");
    }

    /**
     * A header has this value (one of its values, decoded).
     * <pre>{@code assertThat(mail).hasHeader("X-Priority", "1");}</pre>
     *
     * @param name the header name
     * @param value the expected value
     * @return this
     */
    public ReceivedMessageAssert hasHeader(String name, String value) {
        return check("header " + name, value, m -> m.headers(name).contains(value),
                m -> m.headers(name).isEmpty() ? "no such header" : m.headers(name));
    }

    /**
     * The plain-text body equals the text; line endings are compared as {@code \n} and a final line
     * break is ignored.
     * <pre>{@code assertThat(mail).hasTextBody("Hello Ada");}</pre>
     *
     * @param expected the text
     * @return this
     */
    public ReceivedMessageAssert hasTextBody(String expected) {
        return check("text body", expected, m -> m.textBody().map(b -> normalize(b).equals(normalize(expected))).orElse(false),
                m -> m.textBody().orElse("no text/plain part"));
    }

    /**
     * The plain-text body contains the text.
     * <pre>{@code assertThat(mail).hasTextBodyContaining("confirm your address");}</pre>
     *
     * @param part the text
     * @return this
     */
    public ReceivedMessageAssert hasTextBodyContaining(String part) {
        return check("text body containing", part, m -> m.textBody().map(b -> normalize(b).contains(normalize(part))).orElse(false),
                m -> m.textBody().orElse("no text/plain part"));
    }

    /**
     * The plain-text body matches the regular expression (found anywhere).
     * <pre>{@code assertThat(mail).hasTextBodyMatching("code: \\d{6}");}</pre>
     *
     * @param regex the pattern
     * @return this
     */
    public ReceivedMessageAssert hasTextBodyMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return check("text body matching", regex, m -> m.textBody().map(b -> pattern.matcher(b).find()).orElse(false),
                m -> m.textBody().orElse("no text/plain part"));
    }

    /**
     * The HTML body equals the text (line endings as {@code \n}, final line break ignored).
     * <pre>{@code assertThat(mail).hasHtmlBody("<p>Hi</p>");}</pre>
     *
     * @param expected the HTML
     * @return this
     */
    public ReceivedMessageAssert hasHtmlBody(String expected) {
        return check("HTML body", expected, m -> m.htmlBody().map(b -> normalize(b).equals(normalize(expected))).orElse(false),
                m -> m.htmlBody().orElse("no text/html part"));
    }

    /**
     * The HTML body contains the text.
     * <pre>{@code assertThat(mail).hasHtmlBodyContaining("<a href=");}</pre>
     *
     * @param part the text
     * @return this
     */
    public ReceivedMessageAssert hasHtmlBodyContaining(String part) {
        return check("HTML body containing", part, m -> m.htmlBody().map(b -> normalize(b).contains(normalize(part))).orElse(false),
                m -> m.htmlBody().orElse("no text/html part"));
    }

    /**
     * The HTML body matches the regular expression (found anywhere).
     * <pre>{@code assertThat(mail).hasHtmlBodyMatching("href=\"https://[^\"]+/confirm");}</pre>
     *
     * @param regex the pattern
     * @return this
     */
    public ReceivedMessageAssert hasHtmlBodyMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return check("HTML body matching", regex, m -> m.htmlBody().map(b -> pattern.matcher(b).find()).orElse(false),
                m -> m.htmlBody().orElse("no text/html part"));
    }

    /**
     * An attachment with this file name exists.
     * <pre>{@code assertThat(mail).hasAttachment("invoice.pdf");}</pre>
     *
     * @param fileName the file name
     * @return this
     */
    public ReceivedMessageAssert hasAttachment(String fileName) {
        return check("attachment", fileName, m -> attachment(m, fileName) != null, ReceivedMessageAssert::names);
    }

    /**
     * An attachment with this file name and content type exists.
     * <pre>{@code assertThat(mail).hasAttachment("invoice.pdf", "application/pdf");}</pre>
     *
     * @param fileName the file name
     * @param contentType the MIME type without parameters
     * @return this
     */
    public ReceivedMessageAssert hasAttachment(String fileName, String contentType) {
        return check("attachment " + fileName + " of type", contentType, m -> {
            Attachment a = attachment(m, fileName);
            return a != null && a.contentType().equalsIgnoreCase(contentType);
        }, m -> {
            Attachment a = attachment(m, fileName);
            return a == null ? names(m) : a.contentType();
        });
    }

    /**
     * An attachment with this file name has exactly these bytes.
     * <pre>{@code assertThat(mail).hasAttachmentWithContent("report.csv", csvBytes);}</pre>
     *
     * @param fileName the file name
     * @param content the expected bytes
     * @return this
     */
    public ReceivedMessageAssert hasAttachmentWithContent(String fileName, byte[] content) {
        return check("attachment " + fileName + " with content", content.length + " bytes", m -> {
            Attachment a = attachment(m, fileName);
            return a != null && Arrays.equals(a.content(), content);
        }, m -> {
            Attachment a = attachment(m, fileName);
            return a == null ? names(m) : a.size() + " different bytes";
        });
    }

    /**
     * The message has this many attachments.
     * <pre>{@code assertThat(mail).hasAttachmentCount(0);}</pre>
     *
     * @param count the number
     * @return this
     */
    public ReceivedMessageAssert hasAttachmentCount(int count) {
        return check("attachment count", count, m -> m.attachments().size() == count,
                m -> m.attachments().size() + " " + names(m));
    }

    /**
     * The top-level content type is multipart.
     * <pre>{@code assertThat(mail).isMultipart();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isMultipart() {
        return check("a multipart content type", "multipart/*", ReceivedMessage::isMultipart, ReceivedMessage::contentType);
    }

    /**
     * The top-level content type is not multipart.
     * <pre>{@code assertThat(mail).isNotMultipart();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isNotMultipart() {
        return check("a single-part content type", "not multipart/*", m -> !m.isMultipart(), ReceivedMessage::contentType);
    }

    /**
     * The content is at most this many bytes.
     * <pre>{@code assertThat(mail).hasSizeAtMost(100_000);}</pre>
     *
     * @param bytes the limit
     * @return this
     */
    public ReceivedMessageAssert hasSizeAtMost(long bytes) {
        return check("size at most", bytes + " bytes", m -> m.size() <= bytes, m -> m.size() + " bytes");
    }

    /**
     * The message was sent in a TLS-protected session (STARTTLS or SMTPS).
     * <pre>{@code assertThat(mail).wasDeliveredOverTls();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasDeliveredOverTls() {
        return check("been delivered over", "TLS", m -> m.envelope().tls().isPresent(), m -> "plain text (no STARTTLS, no SMTPS)");
    }

    /**
     * The message was sent in plain text.
     * <pre>{@code assertThat(mail).wasDeliveredInPlainText();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasDeliveredInPlainText() {
        return check("been delivered over", "plain text", m -> m.envelope().tls().isEmpty(),
                m -> m.envelope().tls().map(t -> t.protocol()).orElse(""));
    }

    /**
     * The client authenticated as this user before sending.
     * <pre>{@code assertThat(mail).wasAuthenticatedAs("app");}</pre>
     *
     * @param user the AUTH user name
     * @return this
     */
    public ReceivedMessageAssert wasAuthenticatedAs(String user) {
        return check("been authenticated as", user, m -> m.envelope().authenticatedUser().map(user::equals).orElse(false),
                m -> m.envelope().authenticatedUser().orElse("not authenticated"));
    }

    private static Attachment attachment(ReceivedMessage m, String fileName) {
        return m.attachments().stream().filter(a -> a.fileName().equals(fileName)).findFirst().orElse(null);
    }

    private static List<String> names(ReceivedMessage m) {
        return m.attachments().stream().map(a -> a.fileName() + " (" + a.contentType() + ")").toList();
    }

    private static String normalize(String s) {
        String n = s.replace("\r\n", "\n");
        return n.endsWith("\n") ? n.substring(0, n.length() - 1) : n;
    }

    private static boolean containsIgnoringCase(List<String> list, String value) {
        return list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    private static boolean sameIgnoringOrder(List<String> actual, String[] expected) {
        if (actual.size() != expected.length) {
            return false;
        }
        List<String> lower = actual.stream().map(String::toLowerCase).sorted().toList();
        List<String> want = Arrays.stream(expected).map(String::toLowerCase).sorted().toList();
        return lower.equals(want);
    }
}
