package dev.smtpunit.assertj.internal;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Error messages in AssertJ's layout: "Expecting ...: ... to ...: ... but ...". */
public final class ShouldHave extends BasicErrorMessageFactory {

    private ShouldHave(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * "Expecting message: ... to have subject: ... but was: ...".
     *
     * @param actualDescription how the actual object reads
     * @param what what it should have, such as "subject"
     * @param expected the expected value
     * @param actual the actual value
     * @return the factory
     */
    public static ErrorMessageFactory value(String actualDescription, String what, Object expected, Object actual) {
        return new ShouldHave("%nExpecting message:%n  %s%nto have " + what + ":%n  %s%nbut was:%n  %s",
                unquoted(actualDescription), expected, actual);
    }

    /**
     * A free-form message whose parts are not re-quoted.
     *
     * @param text the message, with %n for newlines
     * @return the factory
     */
    public static ErrorMessageFactory text(String text) {
        return new ShouldHave("%s", unquoted(text.replace("%n", System.lineSeparator())));
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

    private static Object unquoted(String s) {
        return new Plain(s);
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
