package dev.smtpunit.internal.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5322 sections 2.1.1, 2.2, 2.3, 3.2.2 and 4 (and RFC 5321 section 2.3.8): line length, bare CR
 * and LF, and header lines that are neither fields nor correct folds.
 */
final class LineRules implements LintRule {
    private static final int MAX = 998;
    private static final int RECOMMENDED = 78;

    @Override
    public void check(LintContext c) {
        byte[] s = c.source;
        List<int[]> headerRanges = new ArrayList<>();
        for (MimePart p : c.parts()) {
            headerRanges.add(new int[] {p.entity.start(), p.bodyStart()});
            for (int offset : p.entity.malformedLines()) {
                c.error(
                        "header.malformed-line",
                        "RFC 5322 sections 2.2 and 2.2.3",
                        "\"" + preview(s, offset)
                                + "\" is neither a header field (name: value) nor a folded line starting with white space",
                        "",
                        p.path,
                        offset);
            }
            for (int offset : p.entity.blankFolds()) {
                c.error(
                        "header.folding",
                        "RFC 5322 sections 3.2.2 and 4.2",
                        "a folded header line holds only white space (obsolete syntax that must not be generated)",
                        "",
                        p.path,
                        offset);
            }
            for (HeaderField f : p.entity.fields()) {
                if (f.wspBeforeColon()) {
                    c.error(
                            "header.field-name.syntax",
                            "RFC 5322 sections 2.2 and 4.5",
                            "white space between the field name " + f.name()
                                    + " and its colon (obsolete syntax that must not be generated)",
                            f.name(),
                            p.path,
                            f.start());
                }
            }
        }
        int pos = 0;
        while (pos < s.length) {
            int lineEnd = RawEntity.lineEnd(s, pos, s.length);
            boolean lf = lineEnd > pos && s[lineEnd - 1] == '\n';
            boolean crlf = lf && lineEnd - 1 > pos && s[lineEnd - 2] == '\r';
            if (lf && !crlf) {
                c.error(
                        "line.bare-lf",
                        "RFC 5322 section 2.3; RFC 5321 section 2.3.8",
                        "the line ends with a bare LF; lines must end with CRLF",
                        "",
                        "",
                        pos);
            }
            int contentEnd = crlf ? lineEnd - 2 : lf ? lineEnd - 1 : lineEnd;
            for (int i = pos; i < contentEnd; i++) {
                if (s[i] == '\r') {
                    c.error(
                            "line.bare-cr",
                            "RFC 5322 section 2.3; RFC 5321 section 2.3.8",
                            "a bare CR (not followed by LF) inside the line",
                            "",
                            "",
                            pos);
                    break;
                }
            }
            int length = contentEnd - pos;
            if (length > MAX) {
                c.error(
                        "line.too-long",
                        "RFC 5322 section 2.1.1",
                        "the line is " + length + " characters long; at most 998 are allowed",
                        "",
                        "",
                        pos);
            } else if (length > RECOMMENDED && inHeader(headerRanges, pos)) {
                c.warning(
                        "line.long",
                        "RFC 5322 section 2.1.1",
                        "the header line is " + length + " characters long; it should be folded at 78",
                        "",
                        "",
                        pos);
            }
            pos = lineEnd;
        }
    }

    private static boolean inHeader(List<int[]> ranges, int pos) {
        for (int[] r : ranges) {
            if (pos >= r[0] && pos < r[1]) {
                return true;
            }
        }
        return false;
    }

    static String preview(byte[] s, int offset) {
        int end = RawEntity.contentEnd(s, offset, RawEntity.lineEnd(s, offset, s.length));
        String text = new String(s, offset, Math.min(end - offset, 40), java.nio.charset.StandardCharsets.ISO_8859_1);
        return end - offset > 40 ? text + "..." : text;
    }
}
