package dev.smtpunit.internal;

import dev.smtpunit.Recipient;
import dev.smtpunit.SmtpReply;
import org.apache.james.protocols.api.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal strings and replies between the transactions of a server, so that a suite sending
 * thousands of similar mails keeps one copy of each repeated command line, address and reply.
 * Bounded: past its capacity new values are simply not shared.
 */
final class Interner {
    private static final int CAPACITY = 4096;

    /** A reply and its wire bytes. */
    record WireReply(SmtpReply reply, byte[] wire) {
        static WireReply of(SmtpReply reply) {
            return new WireReply(reply, reply.toWireString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, WireReply> replies = new ConcurrentHashMap<>();
    /** One-line replies by their text alone (most texts come with one code), found without building a key. */
    private final ConcurrentHashMap<String, WireReply> replyTexts = new ConcurrentHashMap<>();

    private volatile Summary lastSummary;
    /** Keyed by address rather than by the list: a record's hashCode would bootstrap invokedynamic at first use. */
    private final ConcurrentHashMap<String, List<Recipient>> soleRecipients = new ConcurrentHashMap<>();

    String string(String s) {
        if (s == null) {
            return null;
        }
        String shared = strings.get(s);
        if (shared != null) {
            return shared;
        }
        if (strings.size() < CAPACITY) {
            shared = strings.putIfAbsent(s, s);
            return shared == null ? s : shared;
        }
        return s;
    }

    WireReply reply(int code, String text) {
        WireReply byText = replyTexts.get(text);
        if (byText != null && byText.reply().code() == code) {
            return byText;
        }
        String key = code + " " + text;
        WireReply r = replies.get(key);
        if (r == null) {
            r = WireReply.of(SmtpReply.of(code, text));
            if (replies.size() < CAPACITY) {
                WireReply prior = replies.putIfAbsent(key, r);
                r = prior == null ? r : prior;
            }
        }
        if (byText == null && replyTexts.size() < CAPACITY) {
            replyTexts.putIfAbsent(text, r);
        }
        return r;
    }

    /**
     * The transcript's stand-in for a message's content, shared while the messages keep their size.
     *
     * @param size the octets
     * @param lines the lines
     * @return {@code <message: N bytes, L lines>}
     */
    String summary(long size, long lines) {
        Summary last = lastSummary;
        if (last != null && last.size == size && last.lines == lines) {
            return last.text;
        }
        String text = string("<message: " + size + " bytes, " + lines + " lines>");
        lastSummary = new Summary(size, lines, text);
        return text;
    }

    private record Summary(long size, long lines, String text) {}

    /**
     * @param recipients a transaction's accepted recipients
     * @return an unmodifiable copy; a single recipient without parameters (the usual test mail) is
     *     shared with the messages before that had the same one
     */
    List<Recipient> recipients(List<Recipient> recipients) {
        if (recipients.size() != 1 || !recipients.get(0).parameters().isEmpty()) {
            return List.copyOf(recipients);
        }
        String address = recipients.get(0).address();
        List<Recipient> shared = soleRecipients.get(address);
        if (shared != null) {
            return shared;
        }
        List<Recipient> copy = List.copyOf(recipients);
        if (soleRecipients.size() < CAPACITY) {
            List<Recipient> prior = soleRecipients.putIfAbsent(address, copy);
            return prior == null ? copy : prior;
        }
        return copy;
    }

    WireReply reply(SmtpReply reply) {
        String key = reply.toWireString();
        WireReply r = replies.get(key);
        if (r == null) {
            r = WireReply.of(reply);
            if (replies.size() < CAPACITY) {
                WireReply prior = replies.putIfAbsent(key, r);
                r = prior == null ? r : prior;
            }
        }
        return r;
    }

    /**
     * Converts a James response.
     *
     * @param response the response
     * @param lines its lines, with at least one ({@link Response#getLines()} builds them anew on each call)
     * @return the shared reply
     */
    WireReply reply(Response response, List<CharSequence> lines) {
        if (lines.size() == 1) {
            String only = lines.get(0).toString();
            return reply(Integer.parseInt(response.getRetCode()), only.length() > 4 ? only.substring(4) : "");
        }
        List<String> texts = new ArrayList<>(lines.size());
        for (CharSequence l : lines) {
            String s = l.toString();
            texts.add(s.length() > 4 ? s.substring(4) : "");
        }
        return reply(new SmtpReply(Integer.parseInt(response.getRetCode()), texts));
    }
}
