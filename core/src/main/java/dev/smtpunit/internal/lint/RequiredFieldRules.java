package dev.smtpunit.internal.lint;

import java.util.List;

/** RFC 5322 section 3.6: which fields must be there, which may appear once, and a Bcc that leaked. */
final class RequiredFieldRules implements LintRule {
    private static final List<String> SINGLE = List.of(
            "Date",
            "From",
            "Sender",
            "Reply-To",
            "To",
            "Cc",
            "Bcc",
            "Message-ID",
            "In-Reply-To",
            "References",
            "Subject");

    @Override
    public void check(LintContext c) {
        RawEntity top = c.top;
        if (top.fields("Date").isEmpty()) {
            c.error(
                    "header.date.missing",
                    "RFC 5322 section 3.6",
                    "the Date field is missing; every message must have one",
                    "Date",
                    "",
                    -1);
        }
        if (top.fields("From").isEmpty()) {
            c.error(
                    "header.from.missing",
                    "RFC 5322 section 3.6",
                    "the From field is missing; every message must have one",
                    "From",
                    "",
                    -1);
        }
        if (top.fields("Message-ID").isEmpty()) {
            c.error(
                    "header.message-id.missing",
                    "RFC 5322 section 3.6.4; required by Gmail" + " (https://support.google.com/a/answer/3726730)",
                    "the Message-ID field is missing; large receivers refuse such mail",
                    "Message-ID",
                    "",
                    -1);
        }
        for (String name : SINGLE) {
            List<HeaderField> fields = top.fields(name);
            if (fields.size() > 1) {
                c.error(
                        "header.duplicate",
                        "RFC 5322 section 3.6",
                        name + " appears " + fields.size() + " times; it may appear at most once",
                        name,
                        "",
                        fields.get(1).start());
            }
        }
        for (HeaderField bcc : top.fields("Bcc")) {
            String who = bcc.value();
            c.error(
                    "header.bcc.leak",
                    "RFC 5322 section 3.6.3",
                    "a Bcc field reached the server: every recipient can read"
                            + " the blind-copied addresses" + (who.isEmpty() ? "" : " (" + who + ")")
                            + "; senders must remove it before sending",
                    "Bcc",
                    "",
                    bcc.start());
        }
        List<HeaderField> from = top.fields("From");
        if (!from.isEmpty()
                && top.fields("Sender").isEmpty()
                && Addresses.mailboxCount(from.get(0).value()) > 1) {
            c.error(
                    "header.sender.missing",
                    "RFC 5322 section 3.6.2",
                    "From names several mailboxes, so a Sender field naming the one who sent it is required",
                    "From",
                    "",
                    from.get(0).start());
        }
    }
}
