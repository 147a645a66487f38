package dev.smtpunit;

import dev.smtpunit.internal.MimeView;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One message the server accepted: one per mail <em>transaction</em>, however many recipients it
 * had. Holds the {@link Envelope}, the content bytes exactly as received (after dot-unstuffing,
 * nothing added), and convenient views of the parsed MIME structure. Immutable and thread-safe.
 *
 * <p>The header views ({@link #subject()}, {@link #from()}, {@link #headers(String)}, ...) always work
 * once the header parses; the body views ({@link #textBody()}, {@link #htmlBody()},
 * {@link #attachments()}) read the body on first use, and when a part cannot be decoded (bad base64,
 * an unknown charset, a multipart whose boundary never appears) the views that need that part throw
 * an {@link IllegalStateException} naming it, while the others still work. {@link #rawContent()}
 * always works. For a Jakarta Mail view see {@link #mimeMessage()}.
 *
 * <pre>{@code
 * ReceivedMessage mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
 * assertEquals("Welcome", mail.subject());
 * assertTrue(mail.textBody().orElseThrow().contains("confirm"));
 * }</pre>
 */
public final class ReceivedMessage implements JakartaMailView {
    private final Envelope envelope;
    private final byte[] rawBytes;
    private final ProviderData providerData;
    private volatile MimeView view;

    /**
     * Created by the server.
     *
     * @param envelope the envelope of the transaction
     * @param rawBytes the content, owned by this object from now on
     */
    ReceivedMessage(Envelope envelope, byte[] rawBytes) {
        this(envelope, rawBytes, null);
    }

    /**
     * Created by the provider API server for each message an accepted call makes.
     *
     * @param envelope the sender and every recipient (BCC included)
     * @param rawBytes the MIME message, owned by this object from now on
     * @param providerData what the call said beyond the MIME content, or null for SMTP mail
     */
    ReceivedMessage(Envelope envelope, byte[] rawBytes, ProviderData providerData) {
        this.envelope = envelope;
        this.rawBytes = rawBytes;
        this.providerData = providerData;
    }

    /** {@return the SMTP envelope: sender, recipients, session facts} */
    public Envelope envelope() {
        return envelope;
    }

    /**
     * {@return what the provider API call said about this message beyond its content (template,
     *     tags, custom data, ...); empty for mail that came over SMTP}
     */
    public Optional<ProviderData> providerData() {
        return Optional.ofNullable(providerData);
    }

    /** {@return a copy of the message content as received, after dot-unstuffing} */
    public byte[] rawBytes() {
        return rawBytes.clone();
    }

    /** {@return the size of the content in bytes} */
    public int size() {
        return rawBytes.length;
    }

    /** {@return the content decoded as UTF-8, for printing or searching} */
    public String rawContent() {
        return new String(rawBytes, StandardCharsets.UTF_8);
    }

    private MimeView view() {
        MimeView v = view;
        if (v == null) {
            v = MimeView.of(rawBytes);
            view = v;
        }
        return v;
    }

    /**
     * The decoded subject, never null, so that {@code m.subject().contains("Reset")} is safe in a
     * predicate. A message without a {@code Subject} header and one with an empty header both give
     * {@code ""}; {@link #header(String) header("Subject")} tells them apart (empty when there is no
     * header), and so do the assertions {@code hasNoSubject()} and {@code hasSubject("")}.
     *
     * @return the decoded {@code Subject} header, or {@code ""} when it is absent or empty
     */
    public String subject() {
        return view().subject();
    }

    /**
     * Returns the addresses of the {@code From} header.
     *
     * @return the addresses of the {@code From} header
     * @throws IllegalStateException naming the header when it holds something that is not an address
     */
    public List<String> from() {
        return view().addresses("From");
    }

    /** {@return the addresses of the {@code To} header} */
    public List<String> to() {
        return view().addresses("To");
    }

    /** {@return the addresses of the {@code Cc} header} */
    public List<String> cc() {
        return view().addresses("Cc");
    }

    /**
     * Every value of a header, unfolded and decoded (RFC 2047), in order.
     *
     * @param name the header name, in any case
     * @return the values, empty when the header is absent
     */
    public List<String> headers(String name) {
        return view().headers(name);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the decoded value, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the first {@code text/plain} part that is not an attachment, decoded.
     *
     * @return the first {@code text/plain} part that is not an attachment, decoded
     * @throws IllegalStateException naming the part when that part cannot be decoded
     */
    public Optional<String> textBody() {
        return Optional.ofNullable(view().textBody());
    }

    /**
     * Returns the first {@code text/html} part that is not an attachment, decoded.
     *
     * @return the first {@code text/html} part that is not an attachment, decoded
     * @throws IllegalStateException naming the part when that part cannot be decoded
     */
    public Optional<String> htmlBody() {
        return Optional.ofNullable(view().htmlBody());
    }

    /**
     * Returns the attachments found anywhere in the MIME tree, in order.
     *
     * @return the attachments found anywhere in the MIME tree, in order
     * @throws IllegalStateException naming the part when an attachment cannot be decoded
     */
    public List<Attachment> attachments() {
        return view().attachments();
    }

    /**
     * Returns the links of the message: every {@code <a href>} and {@code <area href>} of its inline
     * HTML parts with the text a reader sees, and every {@code http:}, {@code https:} and
     * {@code mailto:} URL of its inline plain-text parts, in part order.
     * <pre>{@code
     * MailLink confirm = mail.links().stream().filter(l -> l.url().contains("/confirm")).findFirst().orElseThrow();
     * }</pre>
     *
     * @return the links, each with the part it came from
     * @throws IllegalStateException naming the part when a text part cannot be decoded
     */
    public List<MailLink> links() {
        return view().links();
    }

    /** {@return true when the top-level content type is {@code multipart/*}} */
    public boolean isMultipart() {
        return view().multipart();
    }

    /** {@return the top-level content type without parameters, lower case} */
    public String contentType() {
        return view().contentType();
    }

    /**
     * One line for listings and failure messages, naming the header fields and the envelope as such.
     * <pre>{@code
     * mail.summary(); // Subject: "Welcome, Ada", envelope from=<app@example.com> to=[ada@example.com], 512 bytes
     * }</pre>
     *
     * @return the {@code Subject} header ({@code no Subject header}, or {@code unparseable header} when the
     *     header section cannot be parsed), the envelope sender and recipients, and the size
     */
    public String summary() {
        String subject;
        try {
            subject = header("Subject").isPresent() ? "Subject: \"" + subject() + "\"" : "no Subject header";
        } catch (IllegalStateException e) {
            subject = "unparseable header";
        }
        return subject + ", envelope from=<" + envelope.sender() + "> to=" + envelope.recipientAddresses() + ", "
                + rawBytes.length + " bytes";
    }

    /** {@return {@code ReceivedMessage[}{@link #summary()}{@code ]}} */
    @Override
    public String toString() {
        return "ReceivedMessage[" + summary() + "]";
    }
}
