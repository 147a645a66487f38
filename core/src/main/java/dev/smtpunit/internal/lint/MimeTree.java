package dev.smtpunit.internal.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits multiparts along their boundaries on the raw octets (RFC 2046 section 5.1.1), recording
 * what is structurally wrong instead of repairing it. Our own splitter rather than mime4j's token
 * stream because findings need the exact line of every delimiter.
 */
final class MimeTree {
    private static final int MAX_DEPTH = 32;

    /** A structural problem: rule id, message, part path, offset. */
    record Problem(String ruleId, String message, String part, int offset) {}

    private final List<Problem> problems = new ArrayList<>();

    static MimeTree build(byte[] source, MimePart root) {
        MimeTree tree = new MimeTree();
        tree.split(source, root, 0);
        return tree;
    }

    List<Problem> problems() {
        return problems;
    }

    private void split(byte[] s, MimePart part, int depth) {
        if (!part.isMultipart() || depth > MAX_DEPTH) {
            return;
        }
        String boundary = part.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            problems.add(new Problem(
                    "mime.boundary.missing-parameter",
                    part.mimeType + " declares no boundary parameter",
                    part.path,
                    part.entity.start()));
            return;
        }
        if (!validBoundary(boundary)) {
            problems.add(new Problem(
                    "mime.boundary.syntax",
                    "boundary \"" + boundary + "\" is not 1 to 70 characters of the allowed set, or ends with a space",
                    part.path,
                    part.entity.start()));
        }
        byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<int[]> delimiters = new ArrayList<>(); // {lineStart, lineEnd, close}
        int pos = part.bodyStart();
        int end = part.bodyEnd;
        while (pos < end) {
            int lineEnd = RawEntity.lineEnd(s, pos, end);
            int contentEnd = RawEntity.contentEnd(s, pos, lineEnd);
            int kind = delimiter(s, pos, contentEnd, dash);
            if (kind > 0) {
                delimiters.add(new int[] {pos, lineEnd, kind});
                if (kind == 2) {
                    break;
                }
            }
            pos = lineEnd;
        }
        if (delimiters.isEmpty()) {
            problems.add(new Problem(
                    "mime.boundary.not-found",
                    "the boundary \"" + boundary + "\" declared by " + part.mimeType + " never appears in its body",
                    part.path,
                    part.bodyStart()));
            return;
        }
        int[] last = delimiters.get(delimiters.size() - 1);
        if (last[2] != 2) {
            problems.add(new Problem(
                    "mime.boundary.not-closed",
                    "the multipart is never closed with \"--" + boundary + "--\"",
                    part.path,
                    Math.max(part.bodyStart(), end - 1)));
        }
        List<MimePart> children = new ArrayList<>();
        for (int i = 0; i < delimiters.size(); i++) {
            int[] d = delimiters.get(i);
            if (d[2] == 2) {
                break;
            }
            int from = d[1];
            int to = i + 1 < delimiters.size() ? lineBreakBefore(s, delimiters.get(i + 1)[0], from) : end;
            String path =
                    part.path.isEmpty() ? String.valueOf(children.size() + 1) : part.path + "." + (children.size() + 1);
            MimePart child = new MimePart(path, RawEntity.parse(s, from, to), part.mimeType.equals("multipart/digest"));
            children.add(child);
            split(s, child, depth + 1);
        }
        if (children.isEmpty()) {
            problems.add(new Problem(
                    "mime.multipart.empty",
                    part.mimeType + " has no body part",
                    part.path,
                    delimiters.get(0)[0]));
        }
        part.children = List.copyOf(children);
    }

    /** {@return 0 for no delimiter, 1 for a delimiter, 2 for the close delimiter} */
    private static int delimiter(byte[] s, int from, int to, byte[] dash) {
        if (to - from < dash.length) {
            return 0;
        }
        for (int i = 0; i < dash.length; i++) {
            if (s[from + i] != dash[i]) {
                return 0;
            }
        }
        int p = from + dash.length;
        int kind = 1;
        if (p + 1 < to + 1 && p + 2 <= to && s[p] == '-' && s[p + 1] == '-') {
            kind = 2;
            p += 2;
        }
        for (; p < to; p++) {
            if (s[p] != ' ' && s[p] != '\t') {
                return 0;
            }
        }
        return kind;
    }

    private static int lineBreakBefore(byte[] s, int lineStart, int floor) {
        int p = lineStart;
        if (p > floor && s[p - 1] == '\n') {
            p--;
            if (p > floor && s[p - 1] == '\r') {
                p--;
            }
        }
        return p;
    }

    static boolean validBoundary(String b) {
        if (b.isEmpty() || b.length() > 70 || b.endsWith(" ")) {
            return false;
        }
        for (char c : b.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void leaves(MimePart part, List<MimePart> out) {
        if (part.children.isEmpty()) {
            if (!part.isMultipart()) {
                out.add(part);
            }
            return;
        }
        for (MimePart c : part.children) {
            leaves(c, out);
        }
    }

    static void all(MimePart part, List<MimePart> out) {
        out.add(part);
        for (MimePart c : part.children) {
            all(c, out);
        }
    }
}
