package dev.smtpunit.assertj;

import dev.smtpunit.Attachment;
import dev.smtpunit.AuthMechanism;
import dev.smtpunit.DsnNotify;
import dev.smtpunit.DsnReturn;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Recipient;
import dev.smtpunit.assertj.internal.Describe;
import dev.smtpunit.assertj.internal.ShouldHave;
import dev.smtpunit.dkim.DkimResult;
import dev.smtpunit.dkim.DkimVerifier;
import dev.smtpunit.lint.LintFinding;
import dev.smtpunit.lint.LintRuleSet;
import dev.smtpunit.lint.MailLint;
import dev.smtpunit.lint.ReceiverProfile;
import dev.smtpunit.lint.ReceiverRejection;
import org.assertj.core.api.AbstractAssert;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Assertions on one received message: headers, bodies, attachments and the SMTP envelope.
 *
 * <pre>{@code
 * assertThat(mail).hasSubject("Welcome, Ada")
 *                 .hasEnvelopeRecipients("ada@example.com")
 *                 .hasTextBodyContaining("confirm your address")
 *                 .wasDeliveredOverTls();
 * }</pre>
 */
public class ReceivedMessageAssert extends AbstractAssert<ReceivedMessageAssert, ReceivedMessage> {

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
     * The decoded subject equals the given text.
     * <pre>{@code assertThat(mail).hasSubject("Welcome, Ada");}</pre>
     *
     * @param expected the subject
     * @return this
     */
    public ReceivedMessageAssert hasSubject(String expected) {
        isNotNull();
        return expect(Objects.equals(actual.subject(), expected), "subject", expected, actual.subject());
    }

    /**
     * The decoded subject contains the given text.
     * <pre>{@code assertThat(mail).hasSubjectContaining("Welcome");}</pre>
     *
     * @param part the text
     * @return this
     */
    public ReceivedMessageAssert hasSubjectContaining(String part) {
        isNotNull();
        return expect(actual.subject().contains(part), "subject containing", part, actual.subject());
    }

    /**
     * The {@code From} header names this address.
     * <pre>{@code assertThat(mail).isFrom("app@example.com");}</pre>
     *
     * @param address the address
     * @return this
     */
    public ReceivedMessageAssert isFrom(String address) {
        isNotNull();
        return expect(containsIgnoringCase(actual.from(), address), "From", address, actual.from());
    }

    /**
     * The {@code To} header names exactly these addresses, in any order.
     * <pre>{@code assertThat(mail).hasTo("ada@example.com", "bob@example.com");}</pre>
     *
     * @param addresses the addresses
     * @return this
     */
    public ReceivedMessageAssert hasTo(String... addresses) {
        isNotNull();
        return expect(sameIgnoringOrder(actual.to(), addresses), "To", List.of(addresses), actual.to());
    }

    /**
     * The {@code Cc} header names exactly these addresses, in any order.
     * <pre>{@code assertThat(mail).hasCc("boss@example.com");}</pre>
     *
     * @param addresses the addresses
     * @return this
     */
    public ReceivedMessageAssert hasCc(String... addresses) {
        isNotNull();
        return expect(sameIgnoringOrder(actual.cc(), addresses), "Cc", List.of(addresses), actual.cc());
    }

    /**
     * The envelope sender ({@code MAIL FROM}) is this address; empty for the null sender.
     * <pre>{@code assertThat(mail).hasEnvelopeSender("bounces@example.com");}</pre>
     *
     * @param address the reverse path
     * @return this
     */
    public ReceivedMessageAssert hasEnvelopeSender(String address) {
        isNotNull();
        String sender = actual.envelope().sender();
        return expect(sender.equalsIgnoreCase(address), "envelope sender (MAIL FROM)", address, sender);
    }

    /**
     * The envelope recipients ({@code RCPT TO}, including BCC) are exactly these, in the order sent.
     * <pre>{@code assertThat(mail).hasEnvelopeRecipients("ada@example.com", "audit@example.com");}</pre>
     *
     * @param addresses the forward paths
     * @return this
     */
    public ReceivedMessageAssert hasEnvelopeRecipients(String... addresses) {
        isNotNull();
        List<String> rcpts = actual.envelope().recipientAddresses();
        return expect(rcpts.equals(List.of(addresses)), "envelope recipients (RCPT TO), in order", List.of(addresses), rcpts);
    }

    /**
     * The envelope recipients include these (others may be there too).
     * <pre>{@code assertThat(mail).hasEnvelopeRecipientsContaining("audit@example.com");}</pre>
     *
     * @param addresses the forward paths
     * @return this
     */
    public ReceivedMessageAssert hasEnvelopeRecipientsContaining(String... addresses) {
        isNotNull();
        List<String> rcpts = actual.envelope().recipientAddresses();
        boolean all = Arrays.stream(addresses).allMatch(a -> containsIgnoringCase(rcpts, a));
        return expect(all, "envelope recipients (RCPT TO) containing", List.of(addresses), rcpts);
    }

    /**
     * A header is present.
     * <pre>{@code assertThat(mail).hasHeader("List-Unsubscribe");}</pre>
     *
     * @param name the header name
     * @return this
     */
    public ReceivedMessageAssert hasHeader(String name) {
        isNotNull();
        return expect(!actual.headers(name).isEmpty(), "header", name, "no such header");
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
        isNotNull();
        List<String> values = actual.headers(name);
        return expect(values.contains(value), "header " + name, value, values.isEmpty() ? "no such header" : values);
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
        isNotNull();
        String body = actual.textBody().orElse(null);
        return expect(body != null && normalize(body).equals(normalize(expected)), "text body", expected,
                body == null ? "no text/plain part" : body);
    }

    /**
     * The plain-text body contains the text.
     * <pre>{@code assertThat(mail).hasTextBodyContaining("confirm your address");}</pre>
     *
     * @param part the text
     * @return this
     */
    public ReceivedMessageAssert hasTextBodyContaining(String part) {
        isNotNull();
        String body = actual.textBody().orElse(null);
        return expect(body != null && normalize(body).contains(normalize(part)), "text body containing", part,
                body == null ? "no text/plain part" : body);
    }

    /**
     * The plain-text body matches the regular expression (found anywhere).
     * <pre>{@code assertThat(mail).hasTextBodyMatching("code: \\d{6}");}</pre>
     *
     * @param regex the pattern
     * @return this
     */
    public ReceivedMessageAssert hasTextBodyMatching(String regex) {
        isNotNull();
        String body = actual.textBody().orElse(null);
        return expect(body != null && Pattern.compile(regex).matcher(body).find(), "text body matching", regex,
                body == null ? "no text/plain part" : body);
    }

    /**
     * The HTML body equals the text (line endings as {@code \n}, final line break ignored).
     * <pre>{@code assertThat(mail).hasHtmlBody("<p>Hi</p>");}</pre>
     *
     * @param expected the HTML
     * @return this
     */
    public ReceivedMessageAssert hasHtmlBody(String expected) {
        isNotNull();
        String body = actual.htmlBody().orElse(null);
        return expect(body != null && normalize(body).equals(normalize(expected)), "HTML body", expected,
                body == null ? "no text/html part" : body);
    }

    /**
     * The HTML body contains the text.
     * <pre>{@code assertThat(mail).hasHtmlBodyContaining("<a href=");}</pre>
     *
     * @param part the text
     * @return this
     */
    public ReceivedMessageAssert hasHtmlBodyContaining(String part) {
        isNotNull();
        String body = actual.htmlBody().orElse(null);
        return expect(body != null && normalize(body).contains(normalize(part)), "HTML body containing", part,
                body == null ? "no text/html part" : body);
    }

    /**
     * The HTML body matches the regular expression (found anywhere).
     * <pre>{@code assertThat(mail).hasHtmlBodyMatching("href=\"https://[^\"]+/confirm");}</pre>
     *
     * @param regex the pattern
     * @return this
     */
    public ReceivedMessageAssert hasHtmlBodyMatching(String regex) {
        isNotNull();
        String body = actual.htmlBody().orElse(null);
        return expect(body != null && Pattern.compile(regex).matcher(body).find(), "HTML body matching", regex,
                body == null ? "no text/html part" : body);
    }

    /**
     * An attachment with this file name exists.
     * <pre>{@code assertThat(mail).hasAttachment("invoice.pdf");}</pre>
     *
     * @param fileName the file name
     * @return this
     */
    public ReceivedMessageAssert hasAttachment(String fileName) {
        isNotNull();
        return expect(attachment(fileName) != null, "attachment", fileName, names());
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
        hasAttachment(fileName);
        Attachment a = attachment(fileName);
        return expect(a.contentType().equalsIgnoreCase(contentType), "attachment " + fileName + " of type", contentType,
                a.contentType());
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
        hasAttachment(fileName);
        Attachment a = attachment(fileName);
        return expect(Arrays.equals(a.content(), content), "attachment " + fileName + " with content",
                content.length + " bytes", a.size() + " different bytes");
    }

    /**
     * The message has this many attachments.
     * <pre>{@code assertThat(mail).hasAttachmentCount(0);}</pre>
     *
     * @param count the number
     * @return this
     */
    public ReceivedMessageAssert hasAttachmentCount(int count) {
        isNotNull();
        return expect(actual.attachments().size() == count, "attachment count", count, actual.attachments().size() + " " + names());
    }

    /**
     * The top-level content type is multipart.
     * <pre>{@code assertThat(mail).isMultipart();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isMultipart() {
        isNotNull();
        return expect(actual.isMultipart(), "a multipart content type", "multipart/*", actual.contentType());
    }

    /**
     * The top-level content type is not multipart.
     * <pre>{@code assertThat(mail).isNotMultipart();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isNotMultipart() {
        isNotNull();
        return expect(!actual.isMultipart(), "a single-part content type", "not multipart/*", actual.contentType());
    }

    /**
     * The content is at most this many bytes.
     * <pre>{@code assertThat(mail).hasSizeAtMost(100_000);}</pre>
     *
     * @param bytes the limit
     * @return this
     */
    public ReceivedMessageAssert hasSizeAtMost(long bytes) {
        isNotNull();
        return expect(actual.size() <= bytes, "size at most", bytes + " bytes", actual.size() + " bytes");
    }

    /**
     * The message was sent in a TLS-protected session (STARTTLS or SMTPS).
     * <pre>{@code assertThat(mail).wasDeliveredOverTls();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasDeliveredOverTls() {
        isNotNull();
        return expect(actual.envelope().tls().isPresent(), "been delivered over", "TLS", "plain text (no STARTTLS, no SMTPS)");
    }

    /**
     * The content came in {@code BDAT} chunks (RFC 3030 CHUNKING), not after {@code DATA}.
     * <pre>{@code assertThat(mail).wasSentWithBdat();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasSentWithBdat() {
        isNotNull();
        int chunks = actual.envelope().bdatChunks();
        return expect(chunks > 0, "been sent with", "BDAT", "DATA");
    }

    /**
     * The content came in exactly this many {@code BDAT} chunks (RFC 3030 CHUNKING).
     * <pre>{@code assertThat(mail).wasSentWithBdat(3);}</pre>
     *
     * @param chunks the number of chunks, {@code LAST} included
     * @return this
     */
    public ReceivedMessageAssert wasSentWithBdat(int chunks) {
        isNotNull();
        int actualChunks = actual.envelope().bdatChunks();
        return expect(actualChunks == chunks, "been sent with", "BDAT in " + chunks + " chunks",
                actualChunks == 0 ? "DATA" : "BDAT in " + actualChunks + " chunks");
    }

    /**
     * The content came after {@code DATA}, not in {@code BDAT} chunks.
     * <pre>{@code assertThat(mail).wasSentWithData();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasSentWithData() {
        isNotNull();
        int chunks = actual.envelope().bdatChunks();
        return expect(chunks == 0, "been sent with", "DATA", "BDAT in " + chunks + " chunks");
    }

    /**
     * The message was sent in plain text.
     * <pre>{@code assertThat(mail).wasDeliveredInPlainText();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert wasDeliveredInPlainText() {
        isNotNull();
        return expect(actual.envelope().tls().isEmpty(), "been delivered over", "plain text",
                actual.envelope().tls().map(t -> t.protocol()).orElse(""));
    }

    /**
     * The client authenticated as this user before sending.
     * <pre>{@code assertThat(mail).wasAuthenticatedAs("app");}</pre>
     *
     * @param user the AUTH user name
     * @return this
     */
    public ReceivedMessageAssert wasAuthenticatedAs(String user) {
        isNotNull();
        return expect(actual.envelope().authenticatedUser().map(user::equals).orElse(false), "been authenticated as", user,
                actual.envelope().authenticatedUser().orElse("not authenticated"));
    }

    /**
     * The transaction declared {@code SMTPUTF8} (RFC 6531) on {@code MAIL FROM}.
     * <pre>{@code assertThat(mail).isSmtpUtf8().hasEnvelopeSender("jürgen@bücher.example");}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isSmtpUtf8() {
        isNotNull();
        return expect(actual.envelope().isSmtpUtf8(), "been sent with", "MAIL FROM ... SMTPUTF8",
                "MAIL FROM parameters " + actual.envelope().mailParameters());
    }

    /**
     * The transaction did not declare {@code SMTPUTF8}: a client that keeps to ASCII when it can.
     * <pre>{@code assertThat(mail).isNotSmtpUtf8();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isNotSmtpUtf8() {
        isNotNull();
        return expect(!actual.envelope().isSmtpUtf8(), "been sent without", "SMTPUTF8",
                "MAIL FROM parameters " + actual.envelope().mailParameters());
    }

    /**
     * The DSN {@code RET} parameter (RFC 3461) of {@code MAIL FROM} is this.
     * <pre>{@code assertThat(mail).hasDsnReturn(DsnReturn.HDRS);}</pre>
     *
     * @param ret FULL or HDRS
     * @return this
     */
    public ReceivedMessageAssert hasDsnReturn(DsnReturn ret) {
        isNotNull();
        Optional<DsnReturn> was = actual.envelope().dsnReturn();
        return expect(was.equals(Optional.of(ret)), "DSN RET", ret, was.map(Object::toString).orElse("no RET parameter"));
    }

    /**
     * The DSN {@code ENVID} parameter (RFC 3461) of {@code MAIL FROM}, xtext decoded, is this.
     * <pre>{@code assertThat(mail).hasDsnEnvelopeId("order-4711");}</pre>
     *
     * @param envelopeId the envelope identifier
     * @return this
     */
    public ReceivedMessageAssert hasDsnEnvelopeId(String envelopeId) {
        isNotNull();
        Optional<String> was = actual.envelope().dsnEnvelopeId();
        return expect(was.equals(Optional.of(envelopeId)), "DSN ENVID", envelopeId, was.orElse("no ENVID parameter"));
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
        Recipient r = recipient(recipient);
        Set<DsnNotify> want = notify.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(notify));
        return expect(r.dsnNotify().equals(want), "DSN NOTIFY for <" + recipient + ">", want, r.dsnNotify());
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
        Recipient r = recipient(recipient);
        Optional<String> was = r.dsnOriginalRecipient();
        return expect(was.equals(Optional.of(originalRecipient)), "DSN ORCPT for <" + recipient + ">", originalRecipient,
                was.orElse("no ORCPT parameter"));
    }

    private Recipient recipient(String address) {
        isNotNull();
        Optional<Recipient> r = actual.envelope().recipients().stream().filter(x -> x.address().equalsIgnoreCase(address)).findFirst();
        if (r.isEmpty()) {
            throwAssertionError(ShouldHave.value(self(), "envelope recipient", address, actual.envelope().recipientAddresses()));
        }
        return r.get();
    }

    /**
     * The client authenticated with this SASL mechanism before sending (an AUTH that got {@code 235}).
     * <pre>{@code assertThat(mail).wasAuthenticatedWith(AuthMechanism.XOAUTH2).wasAuthenticatedAs("ada@example.com");}</pre>
     *
     * @param mechanism the mechanism
     * @return this
     */
    public ReceivedMessageAssert wasAuthenticatedWith(AuthMechanism mechanism) {
        isNotNull();
        return expect(actual.envelope().authMechanism().map(mechanism::equals).orElse(false), "been authenticated with",
                mechanism.saslName(), actual.envelope().authMechanism().map(AuthMechanism::saslName).orElse("not authenticated"));
    }

    private Attachment attachment(String fileName) {
        return actual.attachments().stream().filter(a -> a.fileName().equals(fileName)).findFirst().orElse(null);
    }

    private List<String> names() {
        return actual.attachments().stream().map(a -> a.fileName() + " (" + a.contentType() + ")").toList();
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

    // ---------------------------------------------------------------- lint, receiver profiles, DKIM

    /**
     * Lint ({@link MailLint#defaults()}) finds nothing at all in the message: no error and no warning.
     * The failure lists every finding with its rule, RFC clause and location.
     * <pre>{@code assertThat(mail).isWellFormed();}</pre>
     *
     * @return this
     */
    public ReceivedMessageAssert isWellFormed() {
        isNotNull();
        List<LintFinding> findings = MailLint.defaults().check(actual);
        if (!findings.isEmpty()) {
            throwAssertionError(ShouldHave.text("%nExpecting message:%n  " + self() + "%nto be well formed, but lint found "
                    + findings.size() + (findings.size() == 1 ? " problem" : " problems") + ":" + list(findings)));
        }
        return this;
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
        isNotNull();
        List<LintFinding> errors = lint.check(actual).stream().filter(LintFinding::isError).toList();
        if (!errors.isEmpty()) {
            throwAssertionError(ShouldHave.text("%nExpecting message:%n  " + self() + "%nto have no lint errors, but found "
                    + errors.size() + ":" + list(errors)));
        }
        return this;
    }

    /**
     * Lint, with every rule set including the opt-in ones, reports this rule.
     * <pre>{@code assertThat(mail).hasLintFinding("header.bcc.leak");}</pre>
     *
     * @param ruleId the rule id, such as {@code header.message-id.missing}
     * @return this
     */
    public ReceivedMessageAssert hasLintFinding(String ruleId) {
        isNotNull();
        List<LintFinding> findings = MailLint.of(EnumSet.allOf(LintRuleSet.class)).check(actual);
        if (findings.stream().noneMatch(f -> f.ruleId().equals(ruleId))) {
            throwAssertionError(ShouldHave.text("%nExpecting message:%n  " + self() + "%nto have lint finding:%n  " + ruleId
                    + "%nbut " + (findings.isEmpty() ? "lint found nothing" : "lint found only:" + list(findings))));
        }
        return this;
    }

    /**
     * The modelled receiver would accept the message; the failure gives its reply and the rule that triggered.
     * <pre>{@code assertThat(mail).isAcceptedBy(ReceiverProfile.GMAIL);}</pre>
     *
     * @param profile the receiver
     * @return this
     */
    public ReceivedMessageAssert isAcceptedBy(ReceiverProfile profile) {
        isNotNull();
        Optional<ReceiverRejection> rejection = profile.check(actual);
        if (rejection.isPresent()) {
            throwAssertionError(ShouldHave.text("%nExpecting message:%n  " + self() + "%nto be accepted by " + profile
                    + ", but it would reply:%n  " + rejection.get().reply() + "%nbecause of rule " + rejection.get().ruleId()
                    + ":%n  " + rejection.get().finding()));
        }
        return this;
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
        isNotNull();
        List<DkimResult> results = DkimVerifier.verify(actual, domain, selector, publicKey);
        if (results.stream().noneMatch(DkimResult::passed)) {
            String why = results.isEmpty() ? "it has no DKIM-Signature with d=" + domain + " s=" + selector + "; " + present()
                    : "it does not verify:" + results.stream().map(r -> "%n  " + r).collect(Collectors.joining());
            throwAssertionError(ShouldHave.text("%nExpecting message:%n  " + self() + "%nto have a valid DKIM signature"
                    + " d=" + domain + " s=" + selector + ", but " + why));
        }
        return this;
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
        isNotNull();
        List<DkimResult> results = DkimVerifier.inspect(actual).stream()
                .filter(r -> r.signature().domain().equalsIgnoreCase(domain)).toList();
        if (results.stream().noneMatch(r -> r.status() == DkimResult.Status.BODY_HASH_VERIFIED)) {
            String why = results.isEmpty() ? "it has no DKIM-Signature with d=" + domain + "; " + present()
                    : "it does not check out:" + results.stream().map(r -> "%n  " + r).collect(Collectors.joining());
            throwAssertionError(ShouldHave.text("%nExpecting message:%n  " + self() + "%nto have a DKIM signature d=" + domain
                    + " with a matching body hash, but " + why));
        }
        return this;
    }

    private String present() {
        List<DkimResult> all = DkimVerifier.inspect(actual);
        return all.isEmpty() ? "it has no DKIM-Signature at all"
                : "its signatures:" + all.stream().map(r -> "%n  " + r).collect(Collectors.joining());
    }

    private static String list(List<LintFinding> findings) {
        return findings.stream().map(f -> "%n  " + f).collect(Collectors.joining());
    }
}
