package dev.smtpunit.internal.lint;

import dev.smtpunit.lint.LintFinding;
import dev.smtpunit.lint.LintFinding.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every rule sees of one message, and where its findings go. */
final class LintContext {
    /**
     * Beyond this many findings of one rule, the rest are counted in one finding that comes after all
     * the others; a single extra occurrence is listed rather than summed up.
     */
    private static final int CAP_PER_RULE = 5;

    final byte[] source;
    /** The {@code MAIL FROM} address, or null when the envelope is not known. */
    final String envelopeSender;

    final Map<String, String> mailParameters;
    final RawEntity top;
    final MimePart root;
    final MimeTree tree;
    private final int[] lineStarts;
    private final List<LintFinding> findings = new ArrayList<>();
    private final Map<String, Integer> perRule = new HashMap<>();
    private HtmlParts htmlParts;

    LintContext(byte[] source, String envelopeSender, Map<String, String> mailParameters) {
        this.source = source;
        this.envelopeSender = envelopeSender;
        this.mailParameters = mailParameters == null ? Map.of() : mailParameters;
        this.lineStarts = lineStarts(source);
        this.top = RawEntity.parse(source);
        this.root = new MimePart("", top, false);
        this.tree = MimeTree.build(source, root);
    }

    /** {@return whether MAIL FROM carried this parameter (and, when given, this value)} */
    boolean mailParameter(String name, String... values) {
        for (Map.Entry<String, String> e : mailParameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (values.length == 0) {
                    return true;
                }
                for (String v : values) {
                    if (v.equalsIgnoreCase(e.getValue())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    boolean smtpUtf8() {
        return mailParameter("SMTPUTF8");
    }

    /** {@return the 1-based line number of an offset} */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** {@return the decoded text parts, tokenized once for every rule that reads them} */
    HtmlParts htmlParts() {
        if (htmlParts == null) {
            htmlParts = HtmlParts.of(this);
        }
        return htmlParts;
    }

    List<MimePart> parts() {
        List<MimePart> all = new ArrayList<>();
        MimeTree.all(root, all);
        return all;
    }

    List<MimePart> leaves() {
        List<MimePart> out = new ArrayList<>();
        MimeTree.leaves(root, out);
        return out;
    }

    void error(String ruleId, String source, String message, String header, String part, int offset) {
        add(ruleId, Severity.ERROR, source, message, header, part, offset);
    }

    void warning(String ruleId, String source, String message, String header, String part, int offset) {
        add(ruleId, Severity.WARNING, source, message, header, part, offset);
    }

    private void add(
            String ruleId, Severity severity, String source, String message, String header, String part, int offset) {
        int n = perRule.merge(ruleId, 1, Integer::sum);
        if (n <= CAP_PER_RULE + 1) {
            findings.add(
                    new LintFinding(ruleId, severity, source, message, header, part, offset < 0 ? 0 : line(offset)));
        }
    }

    /** {@return the findings listed one by one: of a rule with too many, the first {@value #CAP_PER_RULE}} */
    List<LintFinding> findings() {
        List<LintFinding> out = new ArrayList<>();
        Map<String, Integer> kept = new HashMap<>();
        for (LintFinding f : findings) {
            int n = perRule.get(f.ruleId());
            if (n <= CAP_PER_RULE + 1 || kept.merge(f.ruleId(), 1, Integer::sum) <= CAP_PER_RULE) {
                out.add(f);
            }
        }
        return out;
    }

    /** {@return for each rule with more than one occurrence beyond the cap, a finding that counts those not listed} */
    List<LintFinding> summaries() {
        List<LintFinding> out = new ArrayList<>();
        perRule.forEach((rule, n) -> {
            if (n > CAP_PER_RULE + 1) {
                LintFinding last = findings.stream()
                        .filter(f -> f.ruleId().equals(rule))
                        .reduce((a, b) -> b)
                        .orElseThrow();
                out.add(new LintFinding(
                        rule,
                        last.severity(),
                        last.source(),
                        (n - CAP_PER_RULE) + " more occurrences of this problem not listed",
                        "",
                        "",
                        0));
            }
        });
        out.sort(Comparator.comparing(LintFinding::ruleId));
        return out;
    }

    private static int[] lineStarts(byte[] s) {
        int count = 1;
        for (byte b : s) {
            if (b == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }
}
