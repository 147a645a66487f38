package dev.smtpunit.assertj.internal;

import dev.smtpunit.ReceivedMessage;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.function.Function;

/**
 * The failure messages of message assertions, in AssertJ's layout ("Expecting message: ... to
 * have ...: ... but was: ..."). As in AssertJ's own factories the format is a constant of this
 * class and every text that may come from the user (subjects, bodies, addresses, header names) is
 * an argument, so a {@code %} in it is printed as it is.
 */
public final class ShouldHave extends BasicErrorMessageFactory {
    /** The line break of failure messages, as {@code %n} makes it. */
    public static final String NL = System.lineSeparator();

    private ShouldHave(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * "Expecting message: (summary) to (expectation) but (what it has instead)".
     *
     * @param message the message
     * @param expectation such as {@code have subject:} and the value on the next line
     * @param but such as {@code was:} and the value on the next line
     * @return the factory
     */
    public static ErrorMessageFactory message(ReceivedMessage message, String expectation, String but) {
        return new ShouldHave(
                "%nExpecting message:%n  %s%nto %s%nbut %s",
                plain(Describe.message(message)), plain(expectation), plain(but));
    }

    /**
     * "Expecting one of the n messages (selection) to (expectation) but none does", then each
     * candidate with its number in the mailbox and what it has instead.
     *
     * @param candidates the messages the navigation stands for
     * @param all the whole mailbox, for the numbers
     * @param selection what the candidates have in common, such as {@code to <ada@example.com>}
     * @param expectation such as {@code have subject:} and the value on the next line
     * @param but what a candidate has instead; a label and one value on the next line print on one line
     * @return the factory
     */
    public static ErrorMessageFactory candidates(
            List<ReceivedMessage> candidates,
            List<ReceivedMessage> all,
            String selection,
            String expectation,
            Function<ReceivedMessage, String> but) {
        StringBuilder list = new StringBuilder();
        for (ReceivedMessage m : candidates) {
            String instead = but.apply(m);
            String[] lines = instead.split(NL, -1);
            if (lines.length == 2 && lines[0].endsWith(":") && lines[1].startsWith("  ")) {
                instead = lines[0] + " " + lines[1].substring(2);
            }
            list.append(NL)
                    .append("  ")
                    .append(all.indexOf(m) + 1)
                    .append(". ")
                    .append(Describe.message(m))
                    .append(NL)
                    .append("     but ")
                    .append(instead.replace(NL, NL + "     "));
        }
        return new ShouldHave(
                "%nExpecting one of the %s messages %s to %s%nbut none does:%s",
                candidates.size(), plain(selection), plain(expectation), plain(list.toString()));
    }

    /**
     * "Expecting mailbox to (expectation) but (what it holds)", and the nearest miss if any.
     *
     * @param expectation such as {@code hold 2 messages}
     * @param holds such as {@code it holds 1 message:} and the listing
     * @param nearest such as {@code The nearest is message 1: ...}, or empty
     * @return the factory
     */
    public static ErrorMessageFactory mailbox(String expectation, String holds, String nearest) {
        return new ShouldHave(
                "%nExpecting mailbox to %s%nbut %s%s",
                plain(expectation), plain(holds), plain(nearest.isEmpty() ? "" : NL + nearest));
    }

    /**
     * "Expecting transcript to (expectation) but it was:" and the transcript.
     *
     * @param expectation such as {@code have 2 sessions but it has 1}
     * @param transcript the transcript in {@code C:}/{@code S:} form, bounded
     * @return the factory
     */
    public static ErrorMessageFactory transcript(String expectation, String transcript) {
        return new ShouldHave("%nExpecting transcript to %s%nbut it was:%n%s", plain(expectation), plain(transcript));
    }

    /**
     * "Expecting link: (link) to (expectation): (expected) but (what it has instead)".
     *
     * @param link the link, as {@code MailLink} prints it
     * @param expectation such as {@code have host}
     * @param expected the expected value
     * @param but such as {@code its host is: example.com}
     * @return the factory
     */
    public static ErrorMessageFactory link(Object link, String expectation, Object expected, String but) {
        return new ShouldHave(
                "%nExpecting link:%n  %s%nto %s:%n  %s%nbut %s",
                plain(String.valueOf(link)), plain(expectation), plain(String.valueOf(expected)), plain(but));
    }

    /**
     * "Expecting (expectation), but (what the links are instead)": for the assertions on all the links of a message.
     *
     * @param expectation such as {@code every link to be https:}
     * @param but such as {@code 2 are http:} and the listing
     * @return the factory
     */
    public static ErrorMessageFactory links(String expectation, String but) {
        return new ShouldHave("%nExpecting %s, but %s", plain(expectation), plain(but));
    }

    /**
     * A value printed as it is, without AssertJ's quotes: for words such as "no Subject header".
     *
     * @param text the text
     * @return the value
     */
    public static Plain plain(String text) {
        return new Plain(text);
    }

    /**
     * Text that failure messages print without quotes.
     *
     * @param text the text
     */
    public record Plain(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
