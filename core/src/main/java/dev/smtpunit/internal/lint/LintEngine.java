package dev.smtpunit.internal.lint;

import dev.smtpunit.lint.EmailClients;
import dev.smtpunit.lint.LintFinding;
import dev.smtpunit.lint.LintRuleSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the rule groups of the chosen rule sets over one message. */
public final class LintEngine {
    private static final Map<LintRuleSet, List<LintRule>> RULES = Map.of(
            LintRuleSet.RFC5322, List.of(new RequiredFieldRules(), new FieldSyntaxRules(), new LineRules()),
            LintRuleSet.ENVELOPE, List.of(new EnvelopeRules()),
            LintRuleSet.MIME,
                    List.of(
                            new MimeStructureRules(),
                            new TransferEncodingRules(),
                            new CharsetRules(),
                            new FileNameRules()),
            LintRuleSet.BULK_SENDER, List.of(new BulkSenderRules()),
            LintRuleSet.CONTENT, List.of(new ContentRules()));

    private LintEngine() {}

    /**
     * @param content the message content; not changed
     * @param envelopeSender the MAIL FROM address, or null when unknown
     * @param mailParameters the MAIL FROM parameters, or null when unknown
     * @param ruleSets the rule sets to apply
     * @param clients the mail clients {@link LintRuleSet#HTML_COMPATIBILITY} judges for
     * @return the findings, ordered by line (findings without a line first), then one finding per rule
     *     that counts the occurrences too many to list
     */
    public static List<LintFinding> check(
            byte[] content,
            String envelopeSender,
            Map<String, String> mailParameters,
            Set<LintRuleSet> ruleSets,
            EmailClients clients) {
        LintContext context = new LintContext(content, envelopeSender, mailParameters);
        for (LintRuleSet set : LintRuleSet.values()) {
            if (ruleSets.contains(set)) {
                if (set == LintRuleSet.HTML_COMPATIBILITY) {
                    new HtmlCompatibilityRules(clients).check(context);
                } else {
                    RULES.get(set).forEach(rule -> rule.check(context));
                }
            }
        }
        List<LintFinding> findings = new ArrayList<>(context.findings());
        findings.sort(Comparator.comparingInt(LintFinding::line));
        findings.addAll(context.summaries());
        return List.copyOf(findings);
    }
}
