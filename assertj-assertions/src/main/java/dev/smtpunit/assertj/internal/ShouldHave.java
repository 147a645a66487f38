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

    private static Object unquoted(String s) {
        return new Object() {
            @Override
            public String toString() {
                return s;
            }
        };
    }
}
