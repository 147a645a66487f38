package dev.smtpunit.internal.lint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders: a List-Unsubscribe
 * with an HTTPS URI, {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, and a DKIM signature
 * covering both fields.
 */
final class BulkSenderRules implements LintRule {
    private static final String SOURCE =
            "RFC 8058 section 3.1; Gmail sender guidelines (https://support.google.com/mail/answer/81126)";

    @Override
    public void check(LintContext c) {
        HeaderField unsubscribe = c.top.first("List-Unsubscribe");
        if (unsubscribe == null) {
            c.error(
                    "bulk.list-unsubscribe.missing",
                    SOURCE,
                    "bulk mail needs a List-Unsubscribe field with an HTTPS URI",
                    "List-Unsubscribe",
                    "",
                    -1);
            return;
        }
        if (!unsubscribe.value().toLowerCase(Locale.ROOT).contains("<https://")) {
            c.error(
                    "bulk.list-unsubscribe.https",
                    SOURCE,
                    "List-Unsubscribe has no <https://...> URI; one-click"
                            + " unsubscribe needs one (a mailto: alone is not enough)",
                    "List-Unsubscribe",
                    "",
                    unsubscribe.start());
        }
        HeaderField post = c.top.first("List-Unsubscribe-Post");
        if (post == null || !post.value().equals("List-Unsubscribe=One-Click")) {
            c.error(
                    "bulk.list-unsubscribe-post",
                    SOURCE,
                    post == null
                            ? "List-Unsubscribe-Post is missing; it must be" + " exactly \"List-Unsubscribe=One-Click\""
                            : "List-Unsubscribe-Post is \"" + post.value()
                                    + "\"; it must be exactly \"List-Unsubscribe=One-Click\"",
                    "List-Unsubscribe-Post",
                    "",
                    post == null ? -1 : post.start());
        }
        boolean signed = c.top.fields("DKIM-Signature").stream().anyMatch(sig -> {
            String h = DkimTags.parse(sig.unfoldedLatin1()).getOrDefault("h", "");
            Set<String> names = Arrays.stream(h.split(":"))
                    .map(n -> n.strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            return names.contains("list-unsubscribe") && names.contains("list-unsubscribe-post");
        });
        if (!signed) {
            c.error(
                    "bulk.list-unsubscribe.unsigned",
                    "RFC 8058 section 4",
                    "no DKIM-Signature covers both" + " List-Unsubscribe and List-Unsubscribe-Post (h= must name them)",
                    "DKIM-Signature",
                    "",
                    -1);
        }
    }
}
