package dev.smtpunit.lint;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.internal.lint.HtmlCompatibilityRules;
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
 * List<LintFinding> outlook = MailLint.of(LintRuleSet.HTML_COMPATIBILITY)
 *         .withClients(EmailClients.of("outlook.windows", "outlook.outlook-com")).check(mail);
 * }</pre>
 */
public final class MailLint {
    private static final MailLint DEFAULTS = new MailLint(LintRuleSet.defaults(), EmailClients.all());

    private final Set<LintRuleSet> ruleSets;
    private final EmailClients clients;

    private MailLint(Set<LintRuleSet> ruleSets, EmailClients clients) {
        this.ruleSets = Collections.unmodifiableSet(EnumSet.copyOf(ruleSets));
        this.clients = clients;
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
        return new MailLint(EnumSet.of(ruleSets[0], ruleSets), EmailClients.all());
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
        return new MailLint(ruleSets, EmailClients.all());
    }

    /** {@return the rule sets this lint applies} */
    public Set<LintRuleSet> ruleSets() {
        return ruleSets;
    }

    /**
     * Returns this lint judging HTML compatibility for these clients.
     * <pre>{@code MailLint.of(LintRuleSet.HTML_COMPATIBILITY).withClients(EmailClients.of("gmail", "outlook"));}</pre>
     *
     * @param clients the clients and the support they must have
     * @return a lint like this one for those clients
     */
    public MailLint withClients(EmailClients clients) {
        return new MailLint(ruleSets, Objects.requireNonNull(clients, "clients"));
    }

    /** {@return the clients {@link LintRuleSet#HTML_COMPATIBILITY} judges for ({@link EmailClients#all()} unless chosen)} */
    public EmailClients clients() {
        return clients;
    }

    /**
     * Scores the message's HTML per client family, like Mailpit's HTML check.
     *
     * @param message the message
     * @return one score per family of the chosen clients, in caniemail's order; empty without HTML features
     */
    public List<ClientScore> clientScores(ReceivedMessage message) {
        Objects.requireNonNull(message, "message");
        return HtmlCompatibilityRules.scores(message.rawBytes(), clients);
    }

    /**
     * Scores content per client family, like {@link #clientScores(ReceivedMessage)}.
     *
     * @param content the message content
     * @return one score per family of the chosen clients
     */
    public List<ClientScore> clientScores(byte[] content) {
        Objects.requireNonNull(content, "content");
        return HtmlCompatibilityRules.scores(content.clone(), clients);
    }

    /**
     * Checks a message the server received, with its envelope.
     *
     * @param message the message
     * @return the findings in message order (errors and warnings), empty when the message is clean
     */
    public List<LintFinding> check(ReceivedMessage message) {
        Objects.requireNonNull(message, "message");
        return LintEngine.check(
                message.rawBytes(),
                message.envelope().sender(),
                message.envelope().mailParameters(),
                ruleSets,
                clients);
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
        return LintEngine.check(content.clone(), null, null, ruleSets, clients);
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
        return LintEngine.check(
                content.clone(),
                Objects.requireNonNull(envelopeSender, "envelopeSender"),
                Map.copyOf(mailParameters),
                ruleSets,
                clients);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailLint other && ruleSets.equals(other.ruleSets) && clients.equals(other.clients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleSets, clients);
    }

    @Override
    public String toString() {
        return "MailLint" + ruleSets + (ruleSets.contains(LintRuleSet.HTML_COMPATIBILITY) ? " for " + clients : "");
    }
}
