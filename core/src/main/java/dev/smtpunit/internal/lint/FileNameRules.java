package dev.smtpunit.internal.lint;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * RFC 2183 section 2.3, RFC 2231 section 4 and RFC 2047 section 5: attachment file names are
 * US-ASCII or RFC 2231-encoded ({@code filename*=UTF-8''...}) correctly, and not RFC 2047
 * encoded-words inside a quoted string.
 */
final class FileNameRules implements LintRule {
    private static final Pattern EXTENDED = Pattern.compile("([^']*)'([^']*)'(.*)");

    @Override
    public void check(LintContext c) {
        for (MimePart p : c.parts()) {
            check(c, p, "Content-Disposition", "filename");
            check(c, p, "Content-Type", "name");
        }
    }

    private static void check(LintContext c, MimePart p, String fieldName, String param) {
        HeaderField field = p.entity.first(fieldName);
        if (field == null) {
            return;
        }
        Map<String, String> params = Parameters.of(field.unfoldedLatin1());
        String plain = params.get(param);
        if (plain != null) {
            if (plain.contains("=?") && plain.contains("?=")) {
                c.error(
                        "mime.filename.encoded-word",
                        "RFC 2047 section 5; RFC 2231",
                        param + "=\"" + plain
                                + "\" uses RFC 2047 encoded-words inside a parameter, which they must not appear in; use "
                                + param + "*=UTF-8''...",
                        fieldName,
                        p.path,
                        field.start());
            } else if (!c.smtpUtf8() && plain.chars().anyMatch(ch -> ch > 126)) {
                c.error(
                        "mime.filename.non-ascii",
                        "RFC 2183 section 2.3; RFC 2231 section 4",
                        param + " holds raw non-ASCII characters; encode it as " + param + "*=UTF-8''...",
                        fieldName,
                        p.path,
                        field.start());
            }
        }
        String extended = params.containsKey(param + "*") ? params.get(param + "*") : params.get(param + "*0*");
        if (extended != null) {
            String problem = extendedProblem(extended, params, param);
            if (problem != null) {
                c.error(
                        "mime.filename.rfc2231",
                        "RFC 2231 section 4",
                        param + "*: " + problem,
                        fieldName,
                        p.path,
                        field.start());
            }
        }
    }

    private static String extendedProblem(String first, Map<String, String> params, String param) {
        var m = EXTENDED.matcher(first);
        if (!m.matches()) {
            return "\"" + first + "\" is not charset'language'percent-encoded-value";
        }
        Charset cs;
        try {
            cs = Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return "charset \"" + m.group(1) + "\" is not known";
        }
        StringBuilder value = new StringBuilder(m.group(3));
        for (int i = 1; params.containsKey(param + "*" + i) || params.containsKey(param + "*" + i + "*"); i++) {
            String next = params.get(param + "*" + i + "*");
            value.append(next != null ? next : params.get(param + "*" + i));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String v = value.toString();
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '%') {
                if (i + 2 >= v.length()) {
                    return "'%' at the end of \"" + v + "\" is not followed by two hex digits";
                }
                int hi = Character.digit(v.charAt(i + 1), 16);
                int lo = Character.digit(v.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return "\"%" + v.charAt(i + 1) + v.charAt(i + 2) + "\" is not a percent-encoded octet";
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (ch <= 32 || ch > 126 || "*'%()<>@,;:\\\"/[]?=".indexOf(ch) >= 0) {
                return "'" + ch + "' must be percent-encoded";
            } else {
                bytes.write(ch);
            }
        }
        try {
            cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            return "the decoded octets are not valid " + cs.name();
        }
        return null;
    }
}
