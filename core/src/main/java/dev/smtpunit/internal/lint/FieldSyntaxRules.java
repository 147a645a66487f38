package dev.smtpunit.internal.lint;

import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.datetime.parser.DateTimeParser;
import org.apache.james.mime4j.field.datetime.parser.ParseException;
import org.apache.james.mime4j.field.datetime.parser.TokenMgrError;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;

/** RFC 5322 sections 3.3, 3.4 and 3.6.4: the syntax of dates, addresses and message identifiers. */
final class FieldSyntaxRules implements LintRule {
    private static final List<String> ADDRESS_FIELDS = List.of("From", "Sender", "Reply-To", "To", "Cc", "Bcc");
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String DOT_ATOM = ATEXT + "(?:\\." + ATEXT + ")*";
    private static final Pattern MSG_ID =
            Pattern.compile("<" + DOT_ATOM + "@(?:" + DOT_ATOM + "|\\[[\\x21-\\x5a\\x5e-\\x7e]*\\])>");

    @Override
    public void check(LintContext c) {
        for (HeaderField date : c.top.fields("Date")) {
            if (!validDate(date.value())) {
                c.error(
                        "header.date.syntax",
                        "RFC 5322 section 3.3",
                        "\"" + date.value()
                                + "\" is not an RFC 5322 date-time such as \"Mon, 30 Nov 2026 14:05:00 +0000\"",
                        "Date",
                        "",
                        date.start());
            }
        }
        for (String name : ADDRESS_FIELDS) {
            for (HeaderField f : c.top.fields(name)) {
                String problem = addressProblem(f.value());
                if (problem != null) {
                    c.error(
                            "header.address.syntax",
                            "RFC 5322 section 3.4",
                            name + ": " + problem,
                            name,
                            "",
                            f.start());
                }
            }
        }
        for (HeaderField id : c.top.fields("Message-ID")) {
            if (!MSG_ID.matcher(id.value()).matches()) {
                c.error(
                        "header.message-id.syntax",
                        "RFC 5322 section 3.6.4; Gmail refuses invalid ones"
                                + " (https://support.google.com/a/answer/3726730)",
                        "\"" + id.value() + "\" is not <left@right> with dot-atom parts",
                        "Message-ID",
                        "",
                        id.start());
            }
        }
    }

    private static final FieldCache<Boolean> DATES = new FieldCache<>(FieldSyntaxRules::parsesAsDate);

    static boolean validDate(String value) {
        return DATES.get(value);
    }

    private static boolean parsesAsDate(String value) {
        try {
            new DateTimeParser(new StringReader(value)).parseAll();
            return true;
        } catch (ParseException | TokenMgrError | IllegalArgumentException e) {
            return false;
        }
    }

    /** {@return what is wrong with an address list, or null when it is fine} */
    static String addressProblem(String value) {
        if (value.isBlank()) {
            return "the field is empty; it needs at least one address";
        }
        List<Mailbox> boxes = Addresses.mailboxes(value);
        if (boxes == null) {
            return "\"" + value + "\" does not parse as an address list";
        }
        for (Mailbox m : boxes) {
            if (m.getDomain() == null
                    || m.getDomain().isEmpty()
                    || m.getLocalPart() == null
                    || m.getLocalPart().isEmpty()) {
                return "\"" + m + "\" has no local part or no domain";
            }
        }
        return null;
    }
}
