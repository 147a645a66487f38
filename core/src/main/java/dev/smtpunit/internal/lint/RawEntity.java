package dev.smtpunit.internal.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header section of a message or body part split into fields, and where its body starts, found
 * on the raw octets: a line that is neither a field nor a fold is kept as malformed rather than
 * repaired. Lines end at LF (with or without CR before it).
 */
public final class RawEntity {
    private final byte[] source;
    private final int start;
    private final int end;
    private final List<HeaderField> fields;
    private final List<Integer> malformedLines;
    private final List<Integer> blankFolds;
    private final int bodyStart;

    private RawEntity(
            byte[] source,
            int start,
            int end,
            List<HeaderField> fields,
            List<Integer> malformedLines,
            List<Integer> blankFolds,
            int bodyStart) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.fields = fields;
        this.malformedLines = malformedLines;
        this.blankFolds = blankFolds;
        this.bodyStart = bodyStart;
    }

    /**
     * @param source the message
     * @return the top-level entity
     */
    public static RawEntity parse(byte[] source) {
        return parse(source, 0, source.length);
    }

    /**
     * @param source the message
     * @param start where the entity starts
     * @param end where it ends (exclusive)
     * @return the entity
     */
    public static RawEntity parse(byte[] source, int start, int end) {
        List<HeaderField> fields = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        List<Integer> blankFolds = new ArrayList<>();
        int pos = start;
        int fieldStart = -1;
        String fieldName = null;
        boolean wsp = false;
        int bodyStart = end;
        while (pos < end) {
            int lineEnd = lineEnd(source, pos, end);
            int contentEnd = contentEnd(source, pos, lineEnd);
            if (contentEnd == pos) {
                bodyStart = lineEnd;
                break;
            }
            byte first = source[pos];
            if (first == ' ' || first == '\t') {
                if (fieldStart < 0) {
                    malformed.add(pos);
                } else if (onlyWhiteSpace(source, pos, contentEnd)) {
                    blankFolds.add(pos);
                }
            } else {
                if (fieldStart >= 0) {
                    fields.add(new HeaderField(fieldName, source, fieldStart, pos, wsp));
                    fieldStart = -1;
                }
                int colon = indexOf(source, pos, contentEnd, (byte) ':');
                int nameEnd = colon;
                while (nameEnd > pos && (source[nameEnd - 1] == ' ' || source[nameEnd - 1] == '\t')) {
                    nameEnd--;
                }
                if (colon < 0 || nameEnd == pos || !fieldName(source, pos, nameEnd)) {
                    malformed.add(pos);
                } else {
                    fieldStart = pos;
                    fieldName = new String(source, pos, nameEnd - pos, StandardCharsets.ISO_8859_1);
                    wsp = nameEnd != colon;
                }
            }
            pos = lineEnd;
        }
        if (fieldStart >= 0) {
            fields.add(new HeaderField(fieldName, source, fieldStart, pos, wsp));
        }
        return new RawEntity(
                source, start, end, List.copyOf(fields), List.copyOf(malformed), List.copyOf(blankFolds), bodyStart);
    }

    /** {@return the fields in order} */
    public List<HeaderField> fields() {
        return fields;
    }

    /**
     * @param name a field name
     * @return the fields with that name, in order
     */
    public List<HeaderField> fields(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }

    /**
     * @param name a field name
     * @return the first such field, or null
     */
    public HeaderField first(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return f;
            }
        }
        return null;
    }

    /** {@return offsets of header lines that are neither a field nor a fold} */
    public List<Integer> malformedLines() {
        return malformedLines;
    }

    /** {@return offsets of fold lines holding only white space (obsolete syntax)} */
    public List<Integer> blankFolds() {
        return blankFolds;
    }

    /** {@return the whole message} */
    public byte[] source() {
        return source;
    }

    /** {@return where the entity starts} */
    public int start() {
        return start;
    }

    /** {@return where the header section ends and the body starts} */
    public int bodyStart() {
        return bodyStart;
    }

    /** {@return where the entity ends (exclusive)} */
    public int end() {
        return end;
    }

    static int lineEnd(byte[] s, int pos, int end) {
        int lf = indexOf(s, pos, end, (byte) '\n');
        return lf < 0 ? end : lf + 1;
    }

    static int contentEnd(byte[] s, int pos, int lineEnd) {
        int e = lineEnd;
        if (e > pos && s[e - 1] == '\n') {
            e--;
            if (e > pos && s[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }

    static int indexOf(byte[] s, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (s[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean onlyWhiteSpace(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean fieldName(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] < 33 || s[i] > 126) {
                return false;
            }
        }
        return true;
    }
}
