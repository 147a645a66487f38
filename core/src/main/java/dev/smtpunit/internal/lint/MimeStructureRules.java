package dev.smtpunit.internal.lint;

import java.util.List;
import java.util.Set;

/**
 * RFC 2045 section 4 and 5, RFC 2046 section 5.1: MIME-Version, Content-Type syntax, boundaries
 * declared, present and closed, no empty multipart, and composite parts only in 7bit, 8bit or binary.
 */
final class MimeStructureRules implements LintRule {
    private static final Set<String> IDENTITY = Set.of("7bit", "8bit", "binary");

    @Override
    public void check(LintContext c) {
        List<MimePart> parts = c.parts();
        boolean usesMime = parts.size() > 1
                || c.top.fields().stream().anyMatch(f -> f.name().regionMatches(true, 0, "Content-", 0, 8));
        HeaderField version = c.top.first("MIME-Version");
        if (usesMime && version == null) {
            c.error(
                    "mime.version.missing",
                    "RFC 2045 section 4",
                    "the message uses MIME fields but has no MIME-Version: 1.0",
                    "MIME-Version",
                    "",
                    -1);
        } else if (version != null
                && !version.value().replaceAll("\\(.*?\\)", "").strip().equals("1.0")) {
            c.error(
                    "mime.version.value",
                    "RFC 2045 section 4",
                    "MIME-Version is \"" + version.value() + "\"; it must be 1.0",
                    "MIME-Version",
                    "",
                    version.start());
        }
        for (MimePart p : parts) {
            if (p.contentType != null && p.contentType.getParseException() != null) {
                HeaderField ct = p.entity.first("Content-Type");
                c.error(
                        "mime.content-type.syntax",
                        "RFC 2045 section 5.1",
                        "\"" + ct.value() + "\" is not a valid Content-Type (type/subtype; parameters)",
                        "Content-Type",
                        p.path,
                        ct.start());
            }
            if (p.isMultipart() && !IDENTITY.contains(p.transferEncoding)) {
                HeaderField cte = p.entity.first("Content-Transfer-Encoding");
                c.error(
                        "mime.cte.composite",
                        "RFC 2045 section 6.4",
                        p.mimeType + " is encoded as " + p.transferEncoding
                                + "; a multipart may only be 7bit, 8bit or binary",
                        "Content-Transfer-Encoding",
                        p.path,
                        cte.start());
            }
        }
        for (MimeTree.Problem problem : c.tree.problems()) {
            c.error(
                    problem.ruleId(),
                    problem.ruleId().equals("mime.multipart.empty")
                            ? "RFC 2046 section 5.1.1 (one or more body parts)"
                            : "RFC 2046 section 5.1.1",
                    problem.message(),
                    "Content-Type",
                    problem.part(),
                    problem.offset());
        }
    }
}
