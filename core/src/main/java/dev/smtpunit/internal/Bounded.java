package dev.smtpunit.internal;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps failure messages and evidence readable at any size: the head and the tail of a long text,
 * cut at line boundaries, with a line that says what was left out between them. Internal: shared
 * by the assertion and JUnit modules, not part of the API.
 */
public final class Bounded {
    /** Lines kept from the start of a long value. */
    public static final int HEAD_LINES = 15;
    /** Lines kept from the end of a long value. */
    public static final int TAIL_LINES = 5;
    /** Characters kept of a single long line (a base64 body has one of 1 MB). */
    public static final int LINE_CHARS = 400;
    /** Sessions a transcript listing keeps from its start; it keeps {@link #LAST_SESSIONS} from its end. */
    public static final int FIRST_SESSIONS = 7;
    /** Sessions a transcript listing keeps from its end. */
    public static final int LAST_SESSIONS = 3;
    /** Lines each session of a transcript listing keeps from its start (its greeting, EHLO, MAIL...). */
    public static final int SESSION_HEAD_LINES = 40;
    /** Lines each session of a transcript listing keeps from its end (the last reply, the disconnect). */
    public static final int SESSION_TAIL_LINES = 10;

    /** Messages a mailbox listing keeps from its start; it keeps {@link #LISTED_LAST} from its end. */
    public static final int LISTED_FIRST = 20;
    /** Messages a mailbox listing keeps from its end. */
    public static final int LISTED_LAST = 5;

    private Bounded() {}

    /**
     * A value as it is when short, or its first {@link #HEAD_LINES} and last {@link #TAIL_LINES}
     * lines (each at most {@link #LINE_CHARS} characters) with a line saying how much was left out.
     *
     * @param text the value
     * @return the bounded value
     */
    public static String value(String text) {
        return lines(text, HEAD_LINES, TAIL_LINES);
    }

    /**
     * The first {@code head} and last {@code tail} lines of a text, each at most {@link #LINE_CHARS}
     * characters; between them a line such as {@code ... (2,980 lines, 97,012 characters left out) ...}.
     * Line breaks ({@code \n} or {@code \r\n}) are kept as they were.
     *
     * @param text the text
     * @param head lines to keep from the start
     * @param tail lines to keep from the end
     * @return the bounded text
     */
    public static String lines(String text, int head, int tail) {
        List<String> lines = split(text);
        if (lines.size() <= head + tail) {
            if (lines.stream().noneMatch(Bounded::isLong)) {
                return text;
            }
            StringBuilder sb = new StringBuilder();
            lines.forEach(l -> sb.append(line(l)));
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < head; i++) {
            sb.append(line(lines.get(i)));
        }
        long leftChars = 0;
        for (int i = head; i < lines.size() - tail; i++) {
            leftChars += lines.get(i).length();
        }
        String lineBreak = lines.get(0).endsWith("\r\n") ? "\r\n" : "\n";
        sb.append("... (")
                .append(count(lines.size() - head - tail, "line"))
                .append(", ")
                .append(count(leftChars, "character"))
                .append(" left out) ...")
                .append(lineBreak);
        for (int i = lines.size() - tail; i < lines.size(); i++) {
            sb.append(line(lines.get(i)));
        }
        return sb.toString();
    }

    /**
     * A transcript for a failure message: every session opens with its first
     * {@link #SESSION_HEAD_LINES} lines and ends with its last {@link #SESSION_TAIL_LINES}; of many sessions
     * the first {@link #FIRST_SESSIONS} and the last {@link #LAST_SESSIONS} are kept.
     *
     * @param sessions the sessions, in order
     * @return the transcript in {@code C:}/{@code S:} form, bounded
     */
    public static String transcript(List<SessionTranscript> sessions) {
        if (sessions.isEmpty()) {
            return "(no SMTP session)\n";
        }
        StringBuilder sb = new StringBuilder();
        int n = sessions.size();
        for (int i = 0; i < n; i++) {
            if (n > FIRST_SESSIONS + LAST_SESSIONS && i == FIRST_SESSIONS) {
                sb.append("... (")
                        .append(count(n - FIRST_SESSIONS - LAST_SESSIONS, "session"))
                        .append(" left out) ...\n");
                i = n - LAST_SESSIONS;
            }
            sb.append(lines(sessions.get(i).toString(), SESSION_HEAD_LINES, SESSION_TAIL_LINES));
        }
        return sb.toString();
    }

    /**
     * {@link #transcript(List)} of a transcript's sessions, opening with {@link #droppedSessions} when
     * sessions were dropped to keep within the server's limit. (It takes the transcript's parts, not
     * the transcript, which uses this class: no cycle between the two.)
     *
     * @param sessions the transcript's sessions, {@code Transcript.sessions()}
     * @param dropped how many were dropped, {@code Transcript.droppedSessionCount()}
     * @return the transcript in {@code C:}/{@code S:} form, bounded
     */
    public static String transcript(List<SessionTranscript> sessions, long dropped) {
        return droppedSessions(dropped) + transcript(sessions);
    }

    /**
     * The line a transcript listing opens with when sessions were dropped, so that it never hides it.
     *
     * @param count how many sessions were dropped
     * @return the line, with its line break, or the empty string for 0
     */
    public static String droppedSessions(long count) {
        return count == 0
                ? ""
                : "(" + count(count, "session") + " dropped, the oldest closed first, to keep within"
                        + " maxTranscriptSessions)\n";
    }

    /**
     * A text cut at a line boundary near {@code maxChars}, keeping its start, with a last line that
     * says how much was left out.
     *
     * @param text the text
     * @param maxChars about how many characters to keep
     * @return the text, or its start
     */
    public static String start(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf('\n', maxChars);
        cut = cut < 0 ? maxChars : cut + 1;
        String rest = text.substring(cut);
        long lines = rest.chars().filter(c -> c == '\n').count() + (rest.endsWith("\n") ? 0 : 1);
        return text.substring(0, cut) + "... (" + count(lines, "more line") + ", " + count(rest.length(), "character")
                + " left out)\n";
    }

    private static boolean isLong(String line) {
        return line.length() - ending(line).length() > LINE_CHARS;
    }

    private static String ending(String line) {
        return line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
    }

    private static String line(String line) {
        if (!isLong(line)) {
            return line;
        }
        String end = ending(line);
        int length = line.length() - end.length();
        return line.substring(0, LINE_CHARS) + "... (" + count(length - LINE_CHARS, "more character") + " on this line)"
                + end;
    }

    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
            lines.add(text.substring(from, nl + 1));
            from = nl + 1;
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    private static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d", n) + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * One line per message: its number and {@link ReceivedMessage#summary()}. Of more than 25
     * messages it lists the first 20 and the last 5, with a line saying how many it left out.
     *
     * @param list messages
     * @return the listing, one line each
     */
    public static String messages(List<ReceivedMessage> list) {
        StringBuilder sb = new StringBuilder();
        int n = list.size();
        for (int i = 0; i < n; i++) {
            if (n > LISTED_FIRST + LISTED_LAST && i == LISTED_FIRST) {
                sb.append("  ... (").append(n - LISTED_FIRST - LISTED_LAST).append(" messages left out) ...\n");
                i = n - LISTED_LAST;
            }
            sb.append("  ")
                    .append(i + 1)
                    .append(". ")
                    .append(list.get(i).summary())
                    .append('\n');
        }
        return sb.toString();
    }
}
