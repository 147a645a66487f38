package dev.smtpunit.assertj;

import dev.smtpunit.Attachment;
import dev.smtpunit.AuthMechanism;
import dev.smtpunit.DsnNotify;
import dev.smtpunit.DsnReturn;
import dev.smtpunit.MailLink;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Recipient;
import dev.smtpunit.assertj.internal.Describe;
import dev.smtpunit.assertj.internal.Frames;
import dev.smtpunit.assertj.internal.ShouldHave;
import dev.smtpunit.dkim.DkimResult;
import dev.smtpunit.dkim.DkimVerifier;
import dev.smtpunit.lint.LintFinding;
import dev.smtpunit.lint.LintRuleSet;
import dev.smtpunit.lint.MailLint;
import dev.smtpunit.lint.ReceiverProfile;
import dev.smtpunit.lint.ReceiverRejection;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.smtpunit.assertj.internal.ShouldHave.NL;

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
 * look at the first message that passed the assertions before them. The lint, receiver-profile and
 * DKIM assertions narrow the candidates like the others.
 */
public class ReceivedMessageAssert extends AbstractAssert<ReceivedMessageAssert, ReceivedMessage> {
    /** How navigation continues and where failures go; set by {@link Navigation}. */
    Navigation navigation = Navigation.HARD;
    /** The candidates when reached from a mailbox; null for one given message. */
    Selection selection;

    /**
     * Creates the assertions; tests start them with {@code SmtpAssertions.assertThat(message)}.
     *
     * @param actual the message under test
     */
    public ReceivedMessageAssert(ReceivedMessage actual) {
        super(actual, ReceivedMessageAssert.class);
    }

    /** Failures point at the test: SmtpUnit's own frames are taken out of the stack trace. */
    @Override
    protected AssertionError assertionError(ErrorMessageFactory factory) {
        return Frames.strip(super.assertionError(factory));
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
    private ReceivedMessageAssert check(
            String what, Object expected, Predicate<ReceivedMessage> ok, Function<ReceivedMessage, Object> was) {
        String shown = Describe.value(expected);
        return narrow(
                what + " " + shown,
                "have " + what + ":" + NL + "  " + shown,
                ok,
                m -> "was:" + NL + "  " + Describe.value(was.apply(m)));
    }

    /**
     * Checks one message, or narrows the candidates of a mailbox navigation to those that pass; the
     * failure reads "Expecting message ... to (expectation) but (what it has instead)".
     *
     * @param narrowed how the candidates that pass are named in later failures
     * @param expectation such as {@code be well formed}
     * @param ok the condition
     * @param but what a message that fails has instead, such as {@code lint found 2 problems: ...}
     * @return this, or the assertions on the narrowed candidates
     */
    private ReceivedMessageAssert narrow(
            String narrowed, String expectation, Predicate<ReceivedMessage> ok, Function<ReceivedMessage, String> but) {
        if (selection == null) {
            isNotNull();
            if (!ok.test(actual)) {
                throwAssertionError(ShouldHave.message(actual, expectation, but.apply(actual)));
            }
            return this;
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
                throwAssertionError(
                        candidates.size() == 1
                                ? ShouldHave.message(candidates.get(0), expectation, but.apply(candidates.get(0)))
                                : ShouldHave.candidates(candidates, all, selection.description(), expectation, but));
            }
        });
        ReceivedMessageAssert next = navigation.message(chosen[0], selection.narrowed(narrowed, ok));
        if (!descriptionText().isEmpty()) {
            next.as(info.description());
        }
        return next;
    }

    /**
     * The decoded subject equals the given text.
     * <pre>{@code assertThat(mail).hasSubject("Welcome, Ada");}</pre>
     *
     * @param expected the subject
     * @return this
     */
    public ReceivedMessageAssert hasSubject(String expected) {
        return check(
                "subject",
                expected,
                m -> m.header("Subject").isPresent() && Objects.equals(m.subject(), expected),
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
        return check(
                "no Subject header",
                ShouldHave.plain("(none)"),
                m -> m.header("Subject").isEmpty(),
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
        return check(
                "envelope sender (MAIL FROM)",
                address,
                m -> m.envelope().sender().equalsIgnoreCase(address),
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
        return check(
                "envelope recipients (RCPT TO), in order",
                List.of(addresses),
                m -> m.envelope().recipientAddresses().equals(List.of(addresses)),
                m -> m.envelope().recipientAddresses());
    }

    /**
     * The envelope recipients include these (others may be there too).
     * <pre>{@code assertThat(mail).hasEnvelopeRecipientsContaining("audit@example.com");}</pre>
     *
     * @param addresses the forward paths
     * @return this
     */
    public ReceivedMessageAssert hasEnvelopeRecipientsContaining(String... addresses) {
        return check(
                "envelope recipients (RCPT TO) containing",
                List.of(addresses),
                m -> Arrays.stream(addresses)
                        .allMatch(a -> containsIgnoringCase(m.envelope().recipientAddresses(), a)),
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
        return check(
                "header " + name,
                value,
                m -> m.headers(name).contains(value),
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
        return check(
                "text body",
                expected,
                m -> m.textBody()
                        .map(b -> normalize(b).equals(normalize(expected)))
                        .orElse(false),
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
        return check(
                "text body containing",
                part,
                m -> m.textBody()
                        .map(b -> normalize(b).contains(normalize(part)))
                        .orElse(false),
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
        return check(
                "text body matching",
                regex,
                m -> m.textBody().map(b -> pattern.matcher(b).find()).orElse(false),
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
        return check(
                "HTML body",
                expected,
                m -> m.htmlBody()
                        .map(b -> normalize(b).equals(normalize(expected)))
                        .orElse(false),
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
        return check(
                "HTML body containing",
                part,
                m -> m.htmlBody()
                        .map(b -> normalize(b).contains(normalize(part)))
                        .orElse(false),
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
        return check(
                "HTML body matching",
                regex,
                m -> m.htmlBody().map(b -> pattern.matcher(b).find()).orElse(false),
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
        return check(
                "attachment " + fileName + " of type",
                contentType,
                m -> {
                    Attachment a = attachment(m, fileName);
                    return a != null && a.contentType().equalsIgnoreCase(contentType);
                },
                m -> {
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
        return check(
                "attachment " + fileName + " with content",
                content.length + " bytes",
                m -> {
                    Attachment a = attachment(m, fileName);
                    return a != null && Arrays.equals(a.content(), content);
                },
                m -> {
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
        return check(
                "attachment count",
                count,
                m -> m.attachments().size() == count,
                m -> m.attachments().size() + " " + names(m));
    }

    /**
     * The top-level content type is multipart.
     * <pre>{@code assertThat(mail).isMultipart();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isMultipart() {
        return check(
                "a multipart content type", "multipart/*", ReceivedMessage::isMultipart, ReceivedMessage::contentType);
    }

    /**
     * The top-level content type is not multipart.
     * <pre>{@code assertThat(mail).isNotMultipart();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isNotMultipart() {
        return check(
                "a single-part content type", "not multipart/*", m -> !m.isMultipart(), ReceivedMessage::contentType);
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
        return check(
                "been delivered over",
                "TLS",
                m -> m.envelope().tls().isPresent(),
                m -> "plain text (no STARTTLS, no SMTPS)");
    }

    /**
     * The content came in {@code BDAT} chunks (RFC 3030 CHUNKING), not after {@code DATA}.
     * <pre>{@code assertThat(mail).wasSentWithBdat();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasSentWithBdat() {
        return check("been sent with", "BDAT", m -> m.envelope().bdatChunks() > 0, m -> "DATA");
    }

    /**
     * The content came in exactly this many {@code BDAT} chunks (RFC 3030 CHUNKING).
     * <pre>{@code assertThat(mail).wasSentWithBdat(3);}</pre>
     *
     * @param chunks the number of chunks, {@code LAST} included
     * @return this
     */
    public ReceivedMessageAssert wasSentWithBdat(int chunks) {
        return check(
                "been sent with",
                "BDAT in " + chunks + " chunks",
                m -> m.envelope().bdatChunks() == chunks,
                ReceivedMessageAssert::transfer);
    }

    /**
     * The content came after {@code DATA}, not in {@code BDAT} chunks.
     * <pre>{@code assertThat(mail).wasSentWithData();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasSentWithData() {
        return check("been sent with", "DATA", m -> m.envelope().bdatChunks() == 0, ReceivedMessageAssert::transfer);
    }

    private static String transfer(ReceivedMessage m) {
        int chunks = m.envelope().bdatChunks();
        return chunks == 0 ? "DATA" : "BDAT in " + chunks + " chunks";
    }

    /**
     * The message was sent in plain text.
     * <pre>{@code assertThat(mail).wasDeliveredInPlainText();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasDeliveredInPlainText() {
        return check(
                "been delivered over",
                "plain text",
                m -> m.envelope().tls().isEmpty(),
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
        return check(
                "been authenticated as",
                user,
                m -> m.envelope().authenticatedUser().map(user::equals).orElse(false),
                m -> m.envelope().authenticatedUser().orElse("not authenticated"));
    }

    /**
     * The transaction declared {@code SMTPUTF8} (RFC 6531) on {@code MAIL FROM}.
     * <pre>{@code assertThat(mail).isSmtpUtf8().hasEnvelopeSender("jürgen@bücher.example");}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isSmtpUtf8() {
        return check(
                "been sent with",
                "MAIL FROM ... SMTPUTF8",
                m -> m.envelope().isSmtpUtf8(),
                m -> "MAIL FROM parameters " + m.envelope().mailParameters());
    }

    /**
     * The transaction did not declare {@code SMTPUTF8}: a client that keeps to ASCII when it can.
     * <pre>{@code assertThat(mail).isNotSmtpUtf8();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isNotSmtpUtf8() {
        return check(
                "been sent without",
                "SMTPUTF8",
                m -> !m.envelope().isSmtpUtf8(),
                m -> "MAIL FROM parameters " + m.envelope().mailParameters());
    }

    /**
     * The DSN {@code RET} parameter (RFC 3461) of {@code MAIL FROM} is this.
     * <pre>{@code assertThat(mail).hasDsnReturn(DsnReturn.HDRS);}</pre>
     *
     * @param ret FULL or HDRS
     * @return this
     */
    public ReceivedMessageAssert hasDsnReturn(DsnReturn ret) {
        return check(
                "DSN RET",
                ret,
                m -> m.envelope().dsnReturn().equals(Optional.of(ret)),
                m -> m.envelope().dsnReturn().map(Object::toString).orElse("no RET parameter"));
    }

    /**
     * The DSN {@code ENVID} parameter (RFC 3461) of {@code MAIL FROM}, xtext decoded, is this.
     * <pre>{@code assertThat(mail).hasDsnEnvelopeId("order-4711");}</pre>
     *
     * @param envelopeId the envelope identifier
     * @return this
     */
    public ReceivedMessageAssert hasDsnEnvelopeId(String envelopeId) {
        return check(
                "DSN ENVID",
                envelopeId,
                m -> m.envelope().dsnEnvelopeId().equals(Optional.of(envelopeId)),
                m -> m.envelope().dsnEnvelopeId().orElse("no ENVID parameter"));
    }

    /**
     * The DSN {@code NOTIFY} parameter (RFC 3461) of the {@code RCPT TO} for this recipient is exactly
     * these values; none for a recipient sent without NOTIFY.
     * <pre>{@code assertThat(mail).hasDsnNotify("ada@example.com", DsnNotify.SUCCESS, DsnNotify.FAILURE);}</pre>
     *
     * @param recipient the forward path, compared without case
     * @param notify the expected values
     * @return this
     */
    public ReceivedMessageAssert hasDsnNotify(String recipient, DsnNotify... notify) {
        Set<DsnNotify> want = notify.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(notify));
        return check(
                "DSN NOTIFY for <" + recipient + ">",
                want,
                m -> recipient(m, recipient)
                        .map(r -> r.dsnNotify().equals(want))
                        .orElse(false),
                m -> recipient(m, recipient).<Object>map(Recipient::dsnNotify).orElseGet(() -> notARecipient(m)));
    }

    /**
     * The DSN {@code ORCPT} parameter (RFC 3461) for this recipient, xtext decoded, is this.
     * <pre>{@code assertThat(mail).hasDsnOriginalRecipient("ada@example.com", "rfc822;ada@example.com");}</pre>
     *
     * @param recipient the forward path, compared without case
     * @param originalRecipient the expected value, {@code addr-type;address}
     * @return this
     */
    public ReceivedMessageAssert hasDsnOriginalRecipient(String recipient, String originalRecipient) {
        return check(
                "DSN ORCPT for <" + recipient + ">",
                originalRecipient,
                m -> recipient(m, recipient)
                        .flatMap(Recipient::dsnOriginalRecipient)
                        .map(originalRecipient::equals)
                        .orElse(false),
                m -> recipient(m, recipient)
                        .<Object>map(r -> r.dsnOriginalRecipient().orElse("no ORCPT parameter"))
                        .orElseGet(() -> notARecipient(m)));
    }

    private static Optional<Recipient> recipient(ReceivedMessage m, String address) {
        return m.envelope().recipients().stream()
                .filter(x -> x.address().equalsIgnoreCase(address))
                .findFirst();
    }

    private static String notARecipient(ReceivedMessage m) {
        return "not an envelope recipient; the recipients were " + m.envelope().recipientAddresses();
    }

    /**
     * The client authenticated with this SASL mechanism before sending (an AUTH that got {@code 235}).
     * <pre>{@code assertThat(mail).wasAuthenticatedWith(AuthMechanism.XOAUTH2).wasAuthenticatedAs("ada@example.com");}</pre>
     *
     * @param mechanism the mechanism
     * @return this
     */
    public ReceivedMessageAssert wasAuthenticatedWith(AuthMechanism mechanism) {
        return check(
                "been authenticated with",
                mechanism.saslName(),
                m -> m.envelope().authMechanism().map(mechanism::equals).orElse(false),
                m -> m.envelope().authMechanism().map(AuthMechanism::saslName).orElse("not authenticated"));
    }

    private static Attachment attachment(ReceivedMessage m, String fileName) {
        return m.attachments().stream()
                .filter(a -> a.fileName().equals(fileName))
                .findFirst()
                .orElse(null);
    }

    private static List<String> names(ReceivedMessage m) {
        return m.attachments().stream()
                .map(a -> a.fileName() + " (" + a.contentType() + ")")
                .toList();
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
        List<String> want =
                Arrays.stream(expected).map(String::toLowerCase).sorted().toList();
        return lower.equals(want);
    }

    // ---------------------------------------------------------------- links (navigation)

    /**
     * The message has a link (from its HTML or text part) whose URL contains a match of this regular
     * expression; the assertions go on with the first such link.
     * <pre>{@code String token = assertThat(mail).hasLink("/confirm\\?").queryParameter("token");}</pre>
     *
     * @param regex a regular expression found in the URL
     * @return the assertions on that link
     */
    public LinkAssert hasLink(String regex) {
        isNotNull();
        Pattern pattern = Pattern.compile(regex);
        List<MailLink> links = actual.links();
        Optional<MailLink> found =
                links.stream().filter(l -> pattern.matcher(l.url()).find()).findFirst();
        if (found.isEmpty()) {
            try {
                throwAssertionError(ShouldHave.message(
                        actual,
                        "have a link matching:" + ShouldHave.NL + "  " + regex,
                        links.isEmpty()
                                ? "it has no links"
                                : "its " + links.size() + (links.size() == 1 ? " link is:" : " links are:")
                                        + LinksAssert.list(links)));
            } catch (AssertionError e) {
                navigation.fail(e);
                return navigation.link(null);
            }
        }
        return navigation.link(found.orElseThrow());
    }

    /**
     * The links of the message (HTML anchors with their text, plain-text URLs), for assertions on all of them.
     * <pre>{@code assertThat(mail).links().areAllHttps();}</pre>
     *
     * @return the assertions on the links
     */
    public LinksAssert links() {
        isNotNull();
        return navigation.links(actual.links());
    }

    // ---------------------------------------------------------------- lint, receiver profiles, DKIM

    /**
     * Lint ({@link MailLint#defaults()}) finds nothing at all in the message: no error and no warning.
     * The failure lists every finding with its rule, RFC clause and location.
     * <pre>{@code assertThat(mail).isWellFormed();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isWellFormed() {
        return narrow(
                "well formed",
                "be well formed",
                m -> MailLint.defaults().check(m).isEmpty(),
                m -> {
                    List<LintFinding> findings = MailLint.defaults().check(m);
                    return "lint found " + findings.size() + (findings.size() == 1 ? " problem:" : " problems:")
                            + list(findings);
                });
    }

    /**
     * Lint ({@link MailLint#defaults()}) finds no error (warnings are allowed).
     * <pre>{@code assertThat(mail).hasNoLintErrors();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert hasNoLintErrors() {
        return hasNoLintErrors(MailLint.defaults());
    }

    /**
     * The given lint finds no error, for example with the opt-in bulk-sender rules.
     * <pre>{@code assertThat(mail).hasNoLintErrors(MailLint.of(LintRuleSet.RFC5322, LintRuleSet.BULK_SENDER));}</pre>
     *
     * @param lint the lint to apply
     * @return this
     */
    public ReceivedMessageAssert hasNoLintErrors(MailLint lint) {
        Objects.requireNonNull(lint, "lint");
        return narrow(
                "without lint errors",
                "have no lint errors",
                m -> errors(lint, m).isEmpty(),
                m -> {
                    List<LintFinding> errors = errors(lint, m);
                    return "lint found " + errors.size() + (errors.size() == 1 ? " error:" : " errors:") + list(errors);
                });
    }

    private static List<LintFinding> errors(MailLint lint, ReceivedMessage m) {
        return lint.check(m).stream().filter(LintFinding::isError).toList();
    }

    /**
     * Lint, with every rule set including the opt-in ones, reports this rule.
     * <pre>{@code assertThat(mail).hasLintFinding("header.bcc.leak");}</pre>
     *
     * @param ruleId the rule id, such as {@code header.message-id.missing}
     * @return this
     */
    public ReceivedMessageAssert hasLintFinding(String ruleId) {
        MailLint all = MailLint.of(EnumSet.allOf(LintRuleSet.class));
        return narrow(
                "lint finding " + ruleId,
                "have lint finding:" + NL + "  " + ruleId,
                m -> all.check(m).stream().anyMatch(f -> f.ruleId().equals(ruleId)),
                m -> {
                    List<LintFinding> findings = all.check(m);
                    return findings.isEmpty() ? "lint found nothing" : "lint found only:" + list(findings);
                });
    }

    /**
     * The modelled receiver would accept the message; the failure gives its reply and the rule that triggered.
     * <pre>{@code assertThat(mail).isAcceptedBy(ReceiverProfile.GMAIL);}</pre>
     *
     * @param profile the receiver
     * @return this
     */
    public ReceivedMessageAssert isAcceptedBy(ReceiverProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return narrow(
                "accepted by " + profile,
                "be accepted by " + profile,
                m -> profile.check(m).isEmpty(),
                m -> {
                    ReceiverRejection r = profile.check(m).orElseThrow();
                    return "it would reply:" + NL + "  " + r.reply() + NL + "because of rule " + r.ruleId() + ":" + NL
                            + "  " + r.finding();
                });
    }

    /**
     * A DKIM signature with this domain and selector verifies with the key (RFC 6376; rsa-sha256 or
     * ed25519-sha256). The failure says why each such signature failed, or which signatures there are.
     * <pre>{@code assertThat(mail).hasValidDkimSignature("example.com", "s1", key.publicKey());}</pre>
     *
     * @param domain the signing domain ({@code d=})
     * @param selector the selector ({@code s=})
     * @param publicKey the key published for {@code selector._domainkey.domain}
     * @return this
     */
    public ReceivedMessageAssert hasValidDkimSignature(String domain, String selector, PublicKey publicKey) {
        String signature = "d=" + domain + " s=" + selector;
        return narrow(
                "a valid DKIM signature " + signature,
                "have a valid DKIM signature " + signature,
                m -> DkimVerifier.verify(m, domain, selector, publicKey).stream()
                        .anyMatch(DkimResult::passed),
                m -> {
                    List<DkimResult> results = DkimVerifier.verify(m, domain, selector, publicKey);
                    return results.isEmpty()
                            ? "it has no DKIM-Signature with " + signature + "; " + present(m)
                            : "it does not verify:"
                                    + results.stream().map(r -> NL + "  " + r).collect(Collectors.joining());
                });
    }

    /**
     * Without a key: a DKIM signature of this domain is well formed, unexpired, of a supported
     * algorithm, and its body hash matches. The failure reports what signatures there are.
     * <pre>{@code assertThat(mail).hasDkimSignature("example.com");}</pre>
     *
     * @param domain the signing domain ({@code d=})
     * @return this
     */
    public ReceivedMessageAssert hasDkimSignature(String domain) {
        return narrow(
                "a DKIM signature d=" + domain,
                "have a DKIM signature d=" + domain + " with a matching body hash",
                m -> signatures(m, domain).stream().anyMatch(r -> r.status() == DkimResult.Status.BODY_HASH_VERIFIED),
                m -> {
                    List<DkimResult> results = signatures(m, domain);
                    return results.isEmpty()
                            ? "it has no DKIM-Signature with d=" + domain + "; " + present(m)
                            : "it does not check out:"
                                    + results.stream().map(r -> NL + "  " + r).collect(Collectors.joining());
                });
    }

    private static List<DkimResult> signatures(ReceivedMessage m, String domain) {
        return DkimVerifier.inspect(m).stream()
                .filter(r -> r.signature().domain().equalsIgnoreCase(domain))
                .toList();
    }

    private static String present(ReceivedMessage m) {
        List<DkimResult> all = DkimVerifier.inspect(m);
        return all.isEmpty()
                ? "it has no DKIM-Signature at all"
                : "its signatures:" + all.stream().map(r -> NL + "  " + r).collect(Collectors.joining());
    }

    private static String list(List<LintFinding> findings) {
        return findings.stream().map(f -> NL + "  " + f).collect(Collectors.joining());
    }
}
