package dev.smtpunit.lint;

import java.util.EnumSet;
import java.util.Set;

/**
 * The groups of rules {@link MailLint} can apply. {@link #defaults()} is every group except the
 * opt-in {@link #BULK_SENDER} requirements.
 */
public enum LintRuleSet {
    /** RFC 5322 header and line rules: required fields, single-instance fields, syntax, line length, folding, bare CR/LF, Bcc leaks. */
    RFC5322,
    /** Envelope against content: 8-bit octets without BODY=8BITMIME, raw UTF-8 headers without SMTPUTF8, From/envelope domain alignment. */
    ENVELOPE,
    /** MIME (RFC 2045-2049, 2183, 2231): MIME-Version, boundaries, transfer encodings, charsets, file names, empty multiparts. */
    MIME,
    /**
     * Opt-in requirements large mailbox providers publish for bulk senders: one-click unsubscribe
     * (RFC 8058 {@code List-Unsubscribe} with an HTTPS URI and {@code List-Unsubscribe-Post}, both
     * covered by a DKIM signature).
     */
    BULK_SENDER;

    /** {@return {@link #RFC5322}, {@link #ENVELOPE} and {@link #MIME}} */
    public static Set<LintRuleSet> defaults() {
        return EnumSet.of(RFC5322, ENVELOPE, MIME);
    }
}
