package dev.smtpunit.internal.lint;

import dev.smtpunit.lint.LintFinding;
import dev.smtpunit.lint.ReceiverRejection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each {@code ReceiverProfile} refuses, and with which reply; the profile chooses its rules here
 * (this class does not know the profiles, so that the API enum and its rules form no cycle). The GMAIL replies are Gmail's
 * published texts, from "Gmail SMTP errors and codes", https://support.google.com/a/answer/3726730
 * (the list as of 2026; Gmail adds " - gsmtp" to every reply), never invented ones.
 */
public final class ReceiverRules {
    /** Gmail: "550, 5.7.1, Messages missing a valid address in the From: header, or having no From: header, are not accepted." */
    private static final String GMAIL_FROM =
            "5.7.1 Messages missing a valid address in the From: header, or having no From:"
                    + " header, are not accepted. For more information, go to Email sender guidelines and review RFC 5322"
                    + " specifications. - gsmtp";
    /** Gmail: "550, 5.7.1, This message is not RFC 5322 compliant because it has duplicate headers. ..." */
    private static final String GMAIL_DUPLICATE =
            "5.7.1 This message is not RFC 5322 compliant because it has duplicate"
                    + " headers. To reduce the amount of spam sent to Gmail, this message has been blocked. For more information,"
                    + " go to Email sender guidelines and review RFC 5322 specifications. - gsmtp";
    /** Gmail: "550, 5.7.1, Messages missing a valid Message-ID: header are not accepted. ..." */
    private static final String GMAIL_MESSAGE_ID = "5.7.1 Messages missing a valid Message-ID: header are not accepted."
            + " For more information, go to Email sender guidelines and review RFC 5322 specifications. - gsmtp";
    /** Gmail: "550, 5.7.1, The message contains a unicode character in a disallowed header. ..." */
    private static final String GMAIL_UNICODE = "5.7.1 The message contains a unicode character in a disallowed header."
            + " To review our message and header content guidelines, go to File types blocked in Gmail. - gsmtp";
    /** Gmail: "554, 5.6.0, Mail message is malformed. Not accepted. ..." */
    private static final String GMAIL_MALFORMED = "5.6.0 Mail message is malformed. Not accepted. For more information,"
            + " go to Email sender guidelines and review RFC 5322 specifications. - gsmtp";
    /** Gmail: "554, 5.4.6, Message exceeded 50 hops, this may indicate a mail loop." */
    private static final String GMAIL_HOPS = "5.4.6 Message exceeded 50 hops, this may indicate a mail loop. For more"
            + " information, go to Gmail Help. - gsmtp";

    private static final int GMAIL_MAX_HOPS = 50;

    /** Rule id to Gmail's reply, in the order Gmail's checks are assumed to run (headers first). */
    private static final Map<String, Reply> GMAIL = new LinkedHashMap<>();

    private record Reply(int code, String text) {}

    static {
        GMAIL.put("header.from.missing", new Reply(550, GMAIL_FROM));
        GMAIL.put("header.address.syntax:From", new Reply(550, GMAIL_FROM));
        GMAIL.put("header.duplicate", new Reply(550, GMAIL_DUPLICATE));
        GMAIL.put("header.message-id.missing", new Reply(550, GMAIL_MESSAGE_ID));
        GMAIL.put("header.message-id.syntax", new Reply(550, GMAIL_MESSAGE_ID));
        GMAIL.put("header.non-ascii", new Reply(550, GMAIL_UNICODE));
        for (String malformed : List.of(
                "header.malformed-line",
                "line.bare-cr",
                "line.bare-lf",
                "mime.content-type.syntax",
                "mime.boundary.missing-parameter",
                "mime.boundary.not-found",
                "mime.boundary.not-closed",
                "mime.multipart.empty")) {
            GMAIL.put(malformed, new Reply(554, GMAIL_MALFORMED));
        }
    }

    /**
     * Outlook.com: "550 5.7.515 Access denied, sending domain &lt;domain&gt; does not meet the required authentication
     * level." from https://support.microsoft.com/en-us/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef
     * and "Strengthening Email Ecosystem: Outlook's New Requirements for High-Volume Senders" (Microsoft Defender for
     * Office 365 blog, April 2025): SPF and DKIM must pass, DMARC (at least p=none) must align SPF or DKIM with the
     * 5322.From domain.
     */
    private static final String OUTLOOK_AUTH =
            "5.7.515 Access denied, sending domain %s does not meet the required" + " authentication level.";

    private ReceiverRules() {}

    /**
     * STRICT_RFC: the first lint error, refused with {@code 554 5.6.0}.
     *
     * @param findings the default lint findings of the message
     * @return the refusal, or empty
     */
    public static Optional<ReceiverRejection> strictRfc(List<LintFinding> findings) {
        return findings.stream()
                .filter(LintFinding::isError)
                .findFirst()
                .map(f -> new ReceiverRejection(
                        554,
                        ascii("5.6.0 Message refused: " + f.message() + " (" + f.source() + "; rule " + f.ruleId()
                                + ")"),
                        f.ruleId(),
                        f.toString()));
    }

    /**
     * GMAIL: what Gmail documents that it refuses, with Gmail's reply.
     *
     * @param findings the default lint findings of the message
     * @param content the message content
     * @return the refusal, or empty
     */
    public static Optional<ReceiverRejection> gmail(List<LintFinding> findings, byte[] content) {
        long hops = RawEntity.parse(content).fields("Received").size();
        if (hops > GMAIL_MAX_HOPS) {
            return Optional.of(new ReceiverRejection(
                    554,
                    GMAIL_HOPS,
                    "gmail.hops",
                    hops + " Received fields; Gmail refuses more than " + GMAIL_MAX_HOPS));
        }
        for (Map.Entry<String, Reply> e : GMAIL.entrySet()) {
            for (LintFinding f : findings) {
                String key = e.getKey().contains(":") ? f.ruleId() + ":" + f.header() : f.ruleId();
                if (key.equals(e.getKey())) {
                    return Optional.of(new ReceiverRejection(
                            e.getValue().code(), e.getValue().text(), f.ruleId(), f.toString()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * OUTLOOK: the sender authentication Outlook.com requires of bulk senders.
     *
     * @param content the message content
     * @param envelopeSender the MAIL FROM address, empty for the null sender, null when unknown
     * @return the refusal, or empty
     */
    public static Optional<ReceiverRejection> outlook(byte[] content, String envelopeSender) {
        return OutlookRules.decide(content, envelopeSender)
                .map(r -> new ReceiverRejection(
                        550, ascii(String.format(OUTLOOK_AUTH, r.domain())), r.ruleId(), r.finding()));
    }

    /** Printable ASCII within the 512-octet reply line of RFC 5321 section 4.5.3.1.5. */
    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.append(c >= 32 && c < 127 ? (char) c : '?'));
        return sb.length() > 500 ? sb.substring(0, 497) + "..." : sb.toString();
    }
}
