package dev.smtpunit.internal.lint;

import dev.smtpunit.dkim.DkimResult;
import dev.smtpunit.dkim.DkimVerifier;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Outlook.com's authentication requirements for high-volume senders, as far as a message shows them
 * without DNS: a DKIM signature that is well formed, unexpired and whose body hash matches, and DMARC
 * alignment of that signature's {@code d=} or of the envelope sender's domain with the From domain
 * (relaxed alignment: the same organizational domain, taken as the last two labels).
 */
final class OutlookRules {
    /** Why Outlook.com would refuse: the From domain, the rule and the finding. */
    record Refusal(String domain, String ruleId, String finding) {}

    private OutlookRules() {}

    static Optional<Refusal> decide(byte[] content, String envelopeSender) {
        RawEntity top = RawEntity.parse(content);
        HeaderField fromField = top.first("From");
        String from = fromField == null ? "" : nullToEmpty(Addresses.firstDomain(fromField.value()));
        if (from.isEmpty()) {
            return Optional.of(new Refusal(
                    "(none)",
                    "outlook.from-domain",
                    "the message has no From address with a" + " domain, so DMARC cannot align anything with it"));
        }
        List<DkimResult> results = DkimVerifier.inspect(content);
        if (results.isEmpty()) {
            return Optional.of(new Refusal(
                    from,
                    "outlook.dkim.missing",
                    "the message has no DKIM-Signature; Outlook.com"
                            + " requires DKIM to pass for high-volume senders"));
        }
        List<DkimResult> good = results.stream()
                .filter(r -> r.status() == DkimResult.Status.BODY_HASH_VERIFIED)
                .toList();
        if (good.isEmpty()) {
            DkimResult first = results.get(0);
            return Optional.of(new Refusal(from, "outlook.dkim.invalid", "no DKIM-Signature can pass: " + first));
        }
        String envelopeDomain =
                envelopeSender == null ? "" : envelopeSender.substring(envelopeSender.lastIndexOf('@') + 1);
        boolean aligned = good.stream().anyMatch(r -> aligned(r.signature().domain(), from))
                || (!envelopeDomain.isEmpty() && aligned(envelopeDomain, from));
        if (!aligned) {
            return Optional.of(new Refusal(
                    from,
                    "outlook.dmarc.alignment",
                    "neither a DKIM signature (d=" + good.get(0).signature().domain() + ") nor the envelope sender ("
                            + (envelopeDomain.isEmpty() ? "none" : envelopeDomain)
                            + ") is aligned with the From domain " + from + ", so DMARC fails"));
        }
        return Optional.empty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static boolean aligned(String a, String b) {
        return organizational(a).equals(organizational(b));
    }

    private static String organizational(String domain) {
        String d = domain.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        int last = d.lastIndexOf('.');
        int second = last < 0 ? -1 : d.lastIndexOf('.', last - 1);
        return second < 0 ? d : d.substring(second + 1);
    }
}
