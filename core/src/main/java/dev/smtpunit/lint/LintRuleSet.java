package dev.smtpunit.lint;

import java.util.EnumSet;
import java.util.Set;

/**
 * The groups of rules {@link MailLint} can apply. {@link #defaults()} is every group except the
 * opt-in {@link #BULK_SENDER}, {@link #CONTENT} and {@link #HTML_COMPATIBILITY} rules.
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
    BULK_SENDER,
    /**
     * Opt-in: what the recipient sees, as senders learn it in production: Gmail clipping HTML over
     * 102 KB, images without {@code alt} or with a {@code cid:} that names no part, image-only mail, HTML
     * without a text alternative, links that are relative, {@code http:}, show another URL than they
     * go to, {@code mailto:} without an address, and a {@code List-Unsubscribe} URL the body does not use.
     */
    CONTENT,
    /**
     * Opt-in: the HTML elements, attributes, CSS properties, values, units, at-rules, selectors and
     * image formats of each {@code text/html} part, judged against caniemail's support tables for the
     * {@link EmailClients} chosen with {@link MailLint#withClients(EmailClients)} (all by default): a
     * feature a chosen client does not support is an error, one it supports partly a warning.
     */
    HTML_COMPATIBILITY;

    /** {@return {@link #RFC5322}, {@link #ENVELOPE} and {@link #MIME}} */
    public static Set<LintRuleSet> defaults() {
        return EnumSet.of(RFC5322, ENVELOPE, MIME);
    }
}
