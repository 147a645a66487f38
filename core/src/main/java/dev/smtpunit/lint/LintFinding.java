package dev.smtpunit.lint;

import java.util.Objects;

/**
 * One problem {@link MailLint} found in a message: a stable rule id, how bad it is, the RFC clause
 * (or published receiver requirement) it comes from, what is wrong, and where.
 *
 * <pre>{@code
 * for (LintFinding f : MailLint.defaults().check(mail)) {
 *     System.out.println(f); // ERROR header.date.missing [RFC 5322 section 3.6] ... (top level)
 * }
 * }</pre>
 *
 * @param ruleId the stable id of the rule, such as {@code header.date.missing}
 * @param severity error or warning
 * @param source the RFC clause or published requirement, such as {@code RFC 5322 section 3.6}
 * @param message what is wrong, in one sentence
 * @param header the header field concerned, or an empty string
 * @param part the MIME part path ({@code 1.2} is the second part of the first part), empty for the top level
 * @param line the 1-based line number in the message content, or 0 when the finding has no single line
 */
public record LintFinding(
        String ruleId, Severity severity, String source, String message, String header, String part, int line) {

    /** How bad a finding is. */
    public enum Severity {
        /**
         * Violates a MUST of the cited text or a published receiver requirement (real receivers refuse or mangle it),
         * or uses an HTML feature a chosen mail client does not support at all.
         */
        ERROR,
        /** Violates a SHOULD, is legal but known to hurt delivery or reading, or uses a feature a chosen client supports only partly. */
        WARNING
    }

    /**
     * Creates a finding, checking its components.
     *
     * @param ruleId the stable id of the rule
     * @param severity error or warning
     * @param source the RFC clause or requirement
     * @param message what is wrong
     * @param header the header concerned, or an empty string
     * @param part the MIME part path, or an empty string
     * @param line the line number, or 0
     */
    public LintFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        header = header == null ? "" : header;
        part = part == null ? "" : part;
    }

    /** {@return true for {@link Severity#ERROR}} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@return where the problem is, such as {@code header Date, part 1.2, line 14}, or {@code top level}} */
    public String location() {
        StringBuilder sb = new StringBuilder();
        if (!header.isEmpty()) {
            sb.append("header ").append(header);
        }
        if (!part.isEmpty()) {
            sb.append(sb.length() > 0 ? ", " : "").append("part ").append(part);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("line ").append(line);
        }
        return sb.length() == 0 ? "top level" : sb.toString();
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + " [" + source + "] " + message + " (" + location() + ")";
    }
}
