package dev.smtpunit.internal;

import org.apache.james.protocols.api.Response;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the values of the MAIL and RCPT parameters SmtpUnit implements; a malformed value is a
 * syntax error (501). Whether a parameter is allowed at all (555) is decided earlier, by
 * {@link CommandChecks}.
 */
final class ParameterValues {
    /** RFC 3461 section 4.4. */
    static final int MAX_ENVID = 100;
    /** RFC 3461 section 4.2. */
    static final int MAX_ORCPT = 500;

    private ParameterValues() {}

    /**
     * @param parameters the MAIL parameters
     * @param maxMessageSize the server's limit, 0 for none
     * @return the refusal, or null when every value is well-formed and acceptable
     */
    static Response mail(Map<String, String> parameters, long maxMessageSize) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String value = p.getValue();
            switch (p.getKey()) {
                case "SIZE":
                    // RFC 1870: size-value = 1*20DIGIT
                    if (value.isEmpty() || value.length() > 20 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        return Replies.of("501", "5.5.4 Syntactically incorrect value for SIZE parameter");
                    }
                    if (maxMessageSize > 0 && (value.length() > 18 || Long.parseLong(value) > maxMessageSize)) {
                        return Replies.of("552", "5.3.4 Message size exceeds fixed maximum message size");
                    }
                    break;
                case "AUTH":
                    if (!xtext(value, false)) {
                        return Replies.of("501", "5.5.4 Syntax error in AUTH parameter (xtext, RFC 4954 section 5)");
                    }
                    break;
                case "SMTPUTF8":
                    if (!value.isEmpty()) {
                        return Replies.of("501", "5.5.4 SMTPUTF8 takes no value (RFC 6531 section 3.4)");
                    }
                    break;
                case "RET":
                    if (!value.equalsIgnoreCase("FULL") && !value.equalsIgnoreCase("HDRS")) {
                        return Replies.of("501", "5.5.4 RET must be FULL or HDRS (RFC 3461 section 4.3)");
                    }
                    break;
                case "ENVID":
                    if (!xtext(value, false) || value.length() > MAX_ENVID) {
                        return Replies.of(
                                "501",
                                "5.5.4 ENVID must be xtext of at most " + MAX_ENVID
                                        + " characters (RFC 3461 section 4.4)");
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    /**
     * @param parameters the RCPT parameters
     * @param smtpUtf8 whether the transaction declared SMTPUTF8 (then ORCPT may use the utf-8 address type)
     * @return the refusal, or null when every value is well-formed
     */
    static Response rcpt(Map<String, String> parameters, boolean smtpUtf8) {
        String notify = parameters.get("NOTIFY");
        if (notify != null && !notify(notify)) {
            return Replies.of(
                    "501",
                    "5.5.4 NOTIFY must be NEVER or a list of SUCCESS, FAILURE and DELAY" + " (RFC 3461 section 4.1)");
        }
        String orcpt = parameters.get("ORCPT");
        if (orcpt != null && !orcpt(orcpt, smtpUtf8)) {
            return Replies.of(
                    "501",
                    "5.5.4 ORCPT must be addr-type \";\" xtext of at most " + MAX_ORCPT
                            + " characters (RFC 3461 section 4.2)");
        }
        return null;
    }

    /** {@code "NEVER" / 1#( "SUCCESS" / "FAILURE" / "DELAY" )}, each at most once. */
    static boolean notify(String value) {
        if (value.equalsIgnoreCase("NEVER")) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (String part : value.split(",", -1)) {
            String p = part.toUpperCase(Locale.ROOT);
            if (!(p.equals("SUCCESS") || p.equals("FAILURE") || p.equals("DELAY")) || !seen.add(p)) {
                return false;
            }
        }
        return true;
    }

    /** {@code addr-type ";" xtext}; RFC 6533 section 3 adds the {@code utf-8} type with UTF-8 text. */
    static boolean orcpt(String value, boolean smtpUtf8) {
        int semi = value.indexOf(';');
        if (semi <= 0 || value.length() > MAX_ORCPT) {
            return false;
        }
        String type = value.substring(0, semi);
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            boolean atext = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
            if (!atext) {
                return false;
            }
        }
        return xtext(value.substring(semi + 1), smtpUtf8 && type.equalsIgnoreCase("utf-8"));
    }

    /**
     * {@code xtext = *( xchar / hexchar )} of RFC 3461 section 4: {@code xchar} is "!" to "~" but "+"
     * and "="; {@code hexchar} is "+" and two upper-case hex digits.
     *
     * @param value the text
     * @param unicode whether non-ASCII characters are allowed too (RFC 6533 utf-8-addr-xtext)
     * @return whether it is well-formed and not empty
     */
    static boolean xtext(String value, boolean unicode) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                if (i + 2 >= value.length() || !upperHex(value.charAt(i + 1)) || !upperHex(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c == '=' || c < '!' || (c > '~' && !(unicode && c >= 0xA0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean upperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
