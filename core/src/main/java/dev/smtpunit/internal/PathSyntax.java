package dev.smtpunit.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A strict parser for the argument of {@code MAIL FROM:} and {@code RCPT TO:}, to the letter of
 * RFC 5321 section 4.1.2 (with the UTF-8 additions of RFC 6531 section 3.3, which the caller allows
 * or refuses): {@code Path [SP esmtp-param *(SP esmtp-param)]}. A source route ({@code <@a,@b:u@c>})
 * is parsed and dropped (section 4.1.1.3 and appendix C); quoted local parts and address literals
 * ({@code [192.0.2.1]}, {@code [IPv6:...]}, {@code [tag:content]}) parse; the size limits of
 * section 4.5.3.1 are checked.
 */
final class PathSyntax {
    /** RFC 5321 section 4.5.3.1.1. */
    static final int MAX_LOCAL_PART = 64;
    /** RFC 5321 section 4.5.3.1.2. */
    static final int MAX_DOMAIN = 255;
    /** RFC 5321 section 4.5.3.1.3: including the angle brackets and a source route. */
    static final int MAX_PATH = 256;

    /** Why an argument was refused. */
    enum Problem {
        /** Not {@code MAIL FROM:} or {@code RCPT TO:}. */
        USAGE,
        /** The path does not start with {@code <}. */
        NOT_BRACKETED,
        /** The path is not {@code "<" [A-d-l ":"] Mailbox ">"} (or {@code <>} where allowed). */
        PATH_SYNTAX,
        /** Local part longer than 64 octets. */
        LOCAL_PART_TOO_LONG,
        /** Domain longer than 255 octets. */
        DOMAIN_TOO_LONG,
        /** Path longer than 256 octets. */
        PATH_TOO_LONG,
        /** The parameters are not {@code esmtp-keyword ["=" esmtp-value]} separated by single spaces, or one repeats. */
        PARAMETER_SYNTAX
    }

    /**
     * The outcome of parsing.
     *
     * @param args the mailbox (route dropped) and parameters, or null when refused
     * @param problem why it was refused, or null
     * @param nonAscii whether the mailbox or a parameter value holds non-ASCII characters
     */
    record Result(CommandArgs args, Problem problem, boolean nonAscii) {
        boolean ok() {
            return problem == null;
        }
    }

    private final String s;
    private int pos;
    private int mailboxStart;
    private boolean nonAscii;

    private PathSyntax(String s) {
        this.s = s;
    }

    /**
     * Parses a whole MAIL or RCPT line. Leading and trailing white space is dropped first, as James
     * does before it dispatches a command, so that every part of the server sees the same argument.
     *
     * @param line the command line
     * @param reverse true for {@code MAIL FROM:}, false for {@code RCPT TO:}
     * @return the result
     */
    static Result parseCommand(String line, boolean reverse) {
        String trimmed = line.trim();
        String keyword = reverse ? "FROM:" : "TO:";
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.regionMatches(true, space + 1, keyword, 0, keyword.length())) {
            return new Result(null, Problem.USAGE, false);
        }
        return parse(trimmed.substring(space + 1 + keyword.length()), reverse);
    }

    /**
     * Parses the text after the colon of {@code MAIL FROM:} or {@code RCPT TO:}, exactly as sent.
     *
     * @param afterColon the text after the colon
     * @param reverse true for MAIL (the null path {@code <>} is allowed), false for RCPT
     *     ({@code <Postmaster>} without a domain is allowed)
     * @return the result
     */
    static Result parse(String afterColon, boolean reverse) {
        return new PathSyntax(afterColon).run(reverse);
    }

    private Result run(boolean reverse) {
        if (!s.startsWith("<")) {
            return fail(Problem.NOT_BRACKETED);
        }
        String mailbox;
        if (reverse && s.startsWith("<>")) {
            mailbox = "";
            pos = 2;
        } else if (!reverse && s.regionMatches(true, 0, "<Postmaster>", 0, 12)) {
            mailbox = s.substring(1, 11);
            pos = 12;
        } else {
            pos = 1;
            Problem p = path();
            if (p != null) {
                return fail(p);
            }
            mailbox = s.substring(mailboxStart, pos - 1);
        }
        Map<String, String> params = Map.of();
        if (pos < s.length()) {
            if (s.charAt(pos) != ' ') {
                return fail(Problem.PATH_SYNTAX);
            }
            pos++;
            params = parameters();
            if (params == null) {
                return fail(Problem.PARAMETER_SYNTAX);
            }
        }
        return new Result(new CommandArgs(mailbox, params), null, nonAscii);
    }

    private Result fail(Problem p) {
        return new Result(null, p, nonAscii);
    }

    /** {@code Path = "<" [ A-d-l ":" ] Mailbox ">"}, with pos after the {@code <}. */
    private Problem path() {
        if (peek() == '@') {
            do {
                pos++;
                if (!domain()) {
                    return Problem.PATH_SYNTAX;
                }
                if (peek() != ',') {
                    break;
                }
                pos++;
                if (peek() != '@') {
                    return Problem.PATH_SYNTAX;
                }
            } while (true);
            if (peek() != ':') {
                return Problem.PATH_SYNTAX;
            }
            pos++;
        }
        mailboxStart = pos;
        int localStart = pos;
        if (!(peek() == '"' ? quotedString() : dotString())) {
            return Problem.PATH_SYNTAX;
        }
        int localEnd = pos;
        if (peek() != '@') {
            return Problem.PATH_SYNTAX;
        }
        pos++;
        int domainStart = pos;
        if (!(peek() == '[' ? addressLiteral() : domain())) {
            return Problem.PATH_SYNTAX;
        }
        int domainEnd = pos;
        if (peek() != '>') {
            return Problem.PATH_SYNTAX;
        }
        pos++;
        if (octets(localStart, localEnd) > MAX_LOCAL_PART) {
            return Problem.LOCAL_PART_TOO_LONG;
        }
        if (octets(domainStart, domainEnd) > MAX_DOMAIN) {
            return Problem.DOMAIN_TOO_LONG;
        }
        if (octets(0, pos) > MAX_PATH) {
            return Problem.PATH_TOO_LONG;
        }
        return null;
    }

    private int octets(int from, int to) {
        String part = s.substring(from, to);
        return nonAscii ? part.getBytes(StandardCharsets.UTF_8).length : part.length();
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    /** {@code Dot-string = Atom *("." Atom)}. */
    private boolean dotString() {
        if (!atom()) {
            return false;
        }
        while (peek() == '.') {
            pos++;
            if (!atom()) {
                return false;
            }
        }
        return true;
    }

    private boolean atom() {
        int start = pos;
        while (pos < s.length() && atext(s.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private boolean atext(char c) {
        if (c >= 0x80) {
            return utf8(c);
        }
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }

    /** {@code UTF8-non-ascii} of RFC 6532 section 3.1: noted, and refused later unless the transaction declared it. */
    private boolean utf8(char c) {
        if (c < 0x80 || c == '\uFFFD' || (c >= 0x80 && c <= 0x9F)) {
            return false;
        }
        nonAscii = true;
        return true;
    }

    /** {@code Quoted-string = DQUOTE *QcontentSMTP DQUOTE}. */
    private boolean quotedString() {
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return true;
            }
            if (c == '\\') {
                pos++;
                if (pos >= s.length() || s.charAt(pos) < 32 || s.charAt(pos) > 126) {
                    return false;
                }
            } else if (!(c >= 32 && c <= 126) && !utf8(c)) {
                return false;
            }
            pos++;
        }
        return false;
    }

    /** {@code Domain = sub-domain *("." sub-domain)}, with U-labels (RFC 6531 section 3.3). */
    private boolean domain() {
        if (!subDomain()) {
            return false;
        }
        while (peek() == '.') {
            pos++;
            if (!subDomain()) {
                return false;
            }
        }
        return true;
    }

    private boolean subDomain() {
        int start = pos;
        boolean unicode = false;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (isAlpha(c) || isDigit(c) || c == '-') {
                pos++;
            } else if (c >= 0x80 && utf8(c)) {
                unicode = true;
                pos++;
            } else {
                break;
            }
        }
        if (pos == start || s.charAt(start) == '-' || s.charAt(pos - 1) == '-') {
            return false;
        }
        // a U-label is in Unicode normalization form C (RFC 5890 section 2.3.2.1)
        return !unicode || Normalizer.isNormalized(s.substring(start, pos), Normalizer.Form.NFC);
    }

    /**
     * @param text an EHLO or HELO argument
     * @return whether it is exactly one address literal of RFC 5321 section 4.1.3
     */
    static boolean isAddressLiteral(String text) {
        if (!text.startsWith("[")) {
            return false;
        }
        PathSyntax p = new PathSyntax(text);
        return p.addressLiteral() && p.pos == text.length();
    }

    /** {@code address-literal = "[" ( IPv4 / "IPv6:" IPv6 / Standardized-tag ":" 1*dcontent ) "]"}. */
    private boolean addressLiteral() {
        int close = s.indexOf(']', pos);
        if (close < 0) {
            return false;
        }
        String inner = s.substring(pos + 1, close);
        pos = close + 1;
        int colon = inner.indexOf(':');
        if (colon < 0) {
            return ipv4(inner);
        }
        String tag = inner.substring(0, colon);
        String rest = inner.substring(colon + 1);
        if (tag.equalsIgnoreCase("IPv6")) {
            return ipv6(rest);
        }
        if (!ldhString(tag) || rest.isEmpty()) {
            return false;
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c < 33 || c > 126 || c == '[' || c == '\\' || c == ']') {
                return false;
            }
        }
        return true;
    }

    private static boolean ldhString(String t) {
        if (t.isEmpty() || t.charAt(t.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!isAlpha(c) && !isDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code IPv4-address-literal = Snum 3("." Snum)}, Snum 0 to 255 in at most 3 digits. */
    static boolean ipv4(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty()
                    || p.length() > 3
                    || !p.chars().allMatch(PathSyntax::isDigit)
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** {@code IPv6-addr = IPv6-full / IPv6-comp / IPv6v4-full / IPv6v4-comp} of RFC 5321 section 4.1.3. */
    static boolean ipv6(String a) {
        int gap = a.indexOf("::");
        if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap < 0 ? a : a.substring(0, gap);
        String tail = gap < 0 ? "" : a.substring(gap + 2);
        String last = gap < 0 ? head : tail;
        boolean v4 = false;
        int lastColon = last.lastIndexOf(':');
        String lastGroup = last.substring(lastColon + 1);
        if (lastGroup.indexOf('.') >= 0) {
            if (!ipv4(lastGroup)) {
                return false;
            }
            v4 = true;
            last = lastColon < 0 ? "" : last.substring(0, lastColon);
            if (gap < 0) {
                head = last;
            } else {
                tail = last;
            }
        }
        int headGroups = hexGroups(head);
        int tailGroups = hexGroups(tail);
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        int groups = headGroups + tailGroups;
        if (gap < 0) {
            return groups == (v4 ? 6 : 8);
        }
        return groups <= (v4 ? 4 : 6);
    }

    /** {@return the number of {@code 1*4HEXDIG} groups separated by single colons, 0 for "", -1 if malformed} */
    private static int hexGroups(String g) {
        if (g.isEmpty()) {
            return 0;
        }
        String[] parts = g.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                return -1;
            }
        }
        return parts.length;
    }

    /**
     * {@code esmtp-param *(SP esmtp-param)}, {@code esmtp-param = esmtp-keyword ["=" esmtp-value]}.
     *
     * @return the parameters with upper-cased names, or null when malformed or a keyword repeats
     */
    private Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            int start = pos;
            if (!isAlpha(peek()) && !isDigit(peek())) {
                return null;
            }
            while (isAlpha(peek()) || isDigit(peek()) || peek() == '-') {
                pos++;
            }
            String keyword = s.substring(start, pos).toUpperCase(Locale.ROOT);
            String value = "";
            if (peek() == '=') {
                pos++;
                int valueStart = pos;
                while (pos < s.length() && esmtpValueChar(s.charAt(pos))) {
                    pos++;
                }
                if (pos == valueStart) {
                    return null;
                }
                value = s.substring(valueStart, pos);
            }
            if (params.put(keyword, value) != null) {
                return null;
            }
            if (pos == s.length()) {
                return params;
            }
            if (s.charAt(pos) != ' ') {
                return null;
            }
            pos++;
        }
    }

    /** {@code esmtp-value = 1*(%d33-60 / %d62-126)}, plus UTF8-non-ascii (RFC 6531 section 3.3). */
    private boolean esmtpValueChar(char c) {
        return (c >= 33 && c <= 126 && c != '=') || (c >= 0x80 && utf8(c));
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
