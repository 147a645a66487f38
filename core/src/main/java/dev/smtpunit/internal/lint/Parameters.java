package dev.smtpunit.internal.lint;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a structured MIME field as written, names lower-cased, values unquoted, RFC 2231
 * sections ({@code name*0*}) kept as separate names, so that their syntax can be checked.
 */
final class Parameters {
    private static final Pattern PARAM =
            Pattern.compile(";\\s*([^=\\s;]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^;\\s]*)");

    private Parameters() {}

    static Map<String, String> of(String fieldValue) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(fieldValue);
        while (m.find()) {
            String v = m.group(2);
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            out.put(m.group(1).toLowerCase(Locale.ROOT), v);
        }
        return out;
    }
}
