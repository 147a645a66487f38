package dev.smtpunit.lint;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.internal.lint.ReceiverRules;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How strict a receiver the server plays at the end of DATA: with a profile other than
 * {@link #NONE}, a message the modelled receiver would refuse is refused with that receiver's reply,
 * and the transcript names the lint rule that triggered.
 *
 * <pre>{@code
 * SmtpServerOptions.builder().receiverProfile(ReceiverProfile.GMAIL).build();
 * // or @SmtpServer(receiverProfile = ReceiverProfile.GMAIL)
 * }</pre>
 */
public enum ReceiverProfile {
    /** Accept whatever arrives (the default). */
    NONE,
    /**
     * Refuse every message with a lint error ({@link MailLint#defaults()}) with
     * {@code 554 5.6.0} (RFC 3463: other or undefined media error) naming the rule and its RFC clause.
     */
    STRICT_RFC,
    /**
     * Refuse what Gmail documents that it refuses, with the reply text Gmail publishes in "Gmail SMTP
     * errors and codes" (https://support.google.com/a/answer/3726730): no or invalid From address,
     * duplicate single-instance headers, missing or invalid Message-ID, raw Unicode in headers,
     * malformed MIME structure, more than 50 Received hops. Other lint errors pass, as they do at
     * Gmail.
     */
    GMAIL,
    /**
     * Refuse what Outlook.com and Microsoft's consumer mail services refuse from high-volume senders,
     * with their reply {@code 550 5.7.515 Access denied, sending domain <domain> does not meet the
     * required authentication level.} (Microsoft: "Fix NDR error 550 5.7.515 in Outlook.com",
     * https://support.microsoft.com/en-us/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef,
     * enforced since 5 May 2025): DKIM must pass and DMARC must align SPF or DKIM with the From domain.
     * Without DNS the profile checks what the message shows: a DKIM signature whose syntax, expiry
     * and body hash are good (the key is not checked), and its {@code d=} or the envelope sender's
     * domain aligned (same organizational domain) with the From domain; SPF itself is assumed to pass.
     */
    OUTLOOK;

    /**
     * Decides, as this receiver would, whether to refuse the message.
     *
     * @param message the message as received
     * @return the refusal, or empty when this receiver would accept it
     */
    public Optional<ReceiverRejection> check(ReceivedMessage message) {
        Objects.requireNonNull(message, "message");
        return check(
                message.rawBytes(),
                message.envelope().sender(),
                message.envelope().mailParameters());
    }

    /**
     * Decides on raw content and envelope facts: a pure function, usable without a server.
     *
     * @param content the message content
     * @param envelopeSender the MAIL FROM address, empty for the null sender
     * @param mailParameters the MAIL FROM parameters, names upper-case
     * @return the refusal, or empty
     */
    public Optional<ReceiverRejection> check(
            byte[] content, String envelopeSender, Map<String, String> mailParameters) {
        return switch (this) {
            case NONE -> Optional.empty();
            case STRICT_RFC ->
                ReceiverRules.strictRfc(MailLint.defaults().check(content, envelopeSender, mailParameters));
            case GMAIL ->
                ReceiverRules.gmail(MailLint.defaults().check(content, envelopeSender, mailParameters), content);
            case OUTLOOK -> ReceiverRules.outlook(content, envelopeSender);
        };
    }
}
