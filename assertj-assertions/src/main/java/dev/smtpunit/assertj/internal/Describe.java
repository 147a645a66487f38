package dev.smtpunit.assertj.internal;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.internal.Bounded;

import java.util.List;

import static org.assertj.core.presentation.StandardRepresentation.STANDARD_REPRESENTATION;

/** How messages and mailboxes appear in failure messages. */
public final class Describe {
    private Describe() {}

    /**
     * @param m a message
     * @return one line: its Subject header, envelope sender and recipients, and size
     */
    public static String message(ReceivedMessage m) {
        return m.summary();
    }

    /**
     * @param messages the mailbox content
     * @return a numbered list, or a sentence for an empty mailbox
     */
    public static String messages(List<ReceivedMessage> messages) {
        if (messages.isEmpty()) {
            return "  (the mailbox is empty)";
        }
        return Bounded.messages(messages).stripTrailing().replace("\n", System.lineSeparator());
    }

    /**
     * A value as failure messages show it: strings and lists as AssertJ shows them, {@link ShouldHave.Plain}
     * text as it is; long values by their head and tail (see {@link Bounded}).
     *
     * @param value the value
     * @return how it reads
     */
    public static String value(Object value) {
        if (value instanceof ShouldHave.Plain p) {
            return Bounded.value(p.text());
        }
        if (value instanceof String s) {
            return STANDARD_REPRESENTATION.toStringOf(Bounded.value(s));
        }
        return Bounded.value(STANDARD_REPRESENTATION.toStringOf(value));
    }

    /**
     * The Levenshtein distance, for naming the nearest match.
     *
     * @param a one string
     * @param b another
     * @return the number of single-character edits between them
     */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
