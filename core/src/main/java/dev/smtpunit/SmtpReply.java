package dev.smtpunit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMTP reply: a three-digit code and one or more lines of text. The enhanced status code
 * (RFC 3463, such as {@code 4.2.2}) is read from the start of the first line when present.
 *
 * @param code the three-digit reply code
 * @param lines the text of each line, without the code and separator
 */
public record SmtpReply(int code, List<String> lines) {

    /**
     * Creates a reply and checks it.
     *
     * @param code between 200 and 599
     * @param lines at least one line, none containing CR or LF
     */
    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("SMTP reply code must be between 200 and 599, was " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an SMTP reply needs at least one line");
        }
        for (String line : lines) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("reply lines must not contain CR or LF: " + line);
            }
        }
    }

    /**
     * A reply of one or more lines.
     *
     * @param code the reply code
     * @param firstLine the first line of text
     * @param moreLines further lines
     * @return the reply
     */
    public static SmtpReply of(int code, String firstLine, String... moreLines) {
        Objects.requireNonNull(firstLine, "firstLine");
        String[] all = new String[moreLines.length + 1];
        all[0] = firstLine;
        System.arraycopy(moreLines, 0, all, 1, moreLines.length);
        return new SmtpReply(code, List.of(all));
    }

    /**
     * The enhanced status code at the start of the first line, such as {@code 2.1.5}.
     *
     * @return the enhanced code, or empty when the reply has none
     */
    public Optional<String> enhancedCode() {
        String first = lines.get(0);
        int end = enhancedCodeEnd(first);
        return end < 0 ? Optional.empty() : Optional.of(first.substring(0, end));
    }

    /** Where {@code [245].d{1,3}.d{1,3}}, followed by a space or the end, ends in the line, or -1. */
    private static int enhancedCodeEnd(String line) {
        char c = line.isEmpty() ? 0 : line.charAt(0);
        if ((c != '2' && c != '4' && c != '5') || line.length() < 5 || line.charAt(1) != '.') {
            return -1;
        }
        int i = digits(line, 2);
        if (i < 0 || i >= line.length() || line.charAt(i) != '.') {
            return -1;
        }
        i = digits(line, i + 1);
        return i >= 0 && (i == line.length() || line.charAt(i) == ' ') ? i : -1;
    }

    /** The index after one to three ASCII digits at {@code from}, or -1 when there is none. */
    private static int digits(String line, int from) {
        int i = from;
        while (i < line.length() && i - from < 3 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        return i == from ? -1 : i;
    }

    /**
     * The text of all lines joined by a newline.
     *
     * @return the reply text without codes
     */
    public String text() {
        return String.join("\n", lines);
    }

    /** {@return true for 2xx and 3xx replies} */
    public boolean isPositive() {
        return code < 400;
    }

    /**
     * The reply as it travels on the wire, {@code 250-first\r\n250 last\r\n}.
     *
     * @return the wire form
     */
    public String toWireString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(code)
                    .append(i == lines.size() - 1 ? ' ' : '-')
                    .append(lines.get(i))
                    .append("\r\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toWireString().stripTrailing().replace("\r\n", " | ");
    }
}
