package dev.smtpunit.lint;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.internal.lint.LintEngine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a received message, byte by byte and against its envelope, for what the RFCs forbid and
 * large receivers refuse. Works on the raw content exactly as the server received it, so it sees
 * what a parser would silently repair. Immutable and thread-safe.
 *
 * <pre>{@code
 * List<LintFinding> findings = MailLint.defaults().check(mail);
 * List<LintFinding> withBulk = MailLint.of(LintRuleSet.RFC5322, LintRuleSet.BULK_SENDER).check(mail);
 * }</pre>
 */
public final class MailLint {
    private static final MailLint DEFAULTS = new MailLint(LintRuleSet.defaults());

    private final Set<LintRuleSet> ruleSets;

    private MailLint(Set<LintRuleSet> ruleSets) {
        this.ruleSets = Collections.unmodifiableSet(EnumSet.copyOf(ruleSets));
    }

    /** {@return a lint with the {@link LintRuleSet#defaults() default} rule sets} */
    public static MailLint defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a lint applying exactly these.
     *
     * @param ruleSets the rule sets to apply, at least one
     * @return a lint applying exactly these
     */
    public static MailLint of(LintRuleSet... ruleSets) {
        if (ruleSets.length == 0) {
            throw new IllegalArgumentException("name at least one rule set, for example LintRuleSet.RFC5322");
        }
        return new MailLint(EnumSet.of(ruleSets[0], ruleSets));
    }

    /**
     * Returns a lint applying exactly these.
     *
     * @param ruleSets the rule sets to apply, at least one
     * @return a lint applying exactly these
     */
    public static MailLint of(Set<LintRuleSet> ruleSets) {
        if (ruleSets.isEmpty()) {
            throw new IllegalArgumentException("name at least one rule set, for example LintRuleSet.RFC5322");
        }
        return new MailLint(ruleSets);
    }

    /** {@return the rule sets this lint applies} */
    public Set<LintRuleSet> ruleSets() {
        return ruleSets;
    }

    /**
     * Checks a message the server received, with its envelope.
     *
     * @param message the message
     * @return the findings in message order (errors and warnings), empty when the message is clean
     */
    public List<LintFinding> check(ReceivedMessage message) {
        Objects.requireNonNull(message, "message");
        return LintEngine.check(message.rawBytes(), message.envelope().sender(), message.envelope().mailParameters(),
                ruleSets);
    }

    /**
     * Checks content without an envelope: 8-bit and UTF-8 octets are judged as if {@code MAIL FROM}
     * carried no parameters, and the From/envelope alignment rule is skipped.
     *
     * @param content the message content (header and body) as it would be sent after DATA
     * @return the findings
     */
    public List<LintFinding> check(byte[] content) {
        Objects.requireNonNull(content, "content");
        return LintEngine.check(content.clone(), null, null, ruleSets);
    }

    /**
     * Checks content as if it had been sent with this envelope.
     *
     * @param content the message content
     * @param envelopeSender the {@code MAIL FROM} address, empty for the null sender
     * @param mailParameters the {@code MAIL FROM} parameters, such as {@code BODY=8BITMIME}, names upper-case
     * @return the findings
     */
    public List<LintFinding> check(byte[] content, String envelopeSender, Map<String, String> mailParameters) {
        Objects.requireNonNull(content, "content");
        return LintEngine.check(content.clone(), Objects.requireNonNull(envelopeSender, "envelopeSender"),
                Map.copyOf(mailParameters), ruleSets);
    }

    @Override
    public String toString() {
        return "MailLint" + ruleSets;
    }
}
