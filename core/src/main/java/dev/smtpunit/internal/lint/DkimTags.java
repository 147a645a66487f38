package dev.smtpunit.internal.lint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 6376 section 3.2 tag=value lists, as in DKIM-Signature fields and key records. Here rather than
 * in {@code internal.dkim} because the bulk-sender lint rules read them too, and DKIM verification
 * already builds on this package's raw MIME model: one direction between the two packages.
 */
public final class DkimTags {
    private DkimTags() {}

    /**
     * @param list the unfolded tag list
     * @return tag names to values, in order; values trimmed, and for {@code b}, {@code bh} and
     *     {@code p} stripped of all white space; a repeated tag maps to null
     */
    public static Map<String, String> parse(String list) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String spec : list.split(";")) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = spec.substring(0, eq).strip();
            String value = spec.substring(eq + 1).strip();
            if (name.equals("b") || name.equals("bh") || name.equals("p")) {
                value = value.replaceAll("[ \\t\\r\\n]", "");
            }
            tags.put(name, tags.containsKey(name) ? null : value);
        }
        return tags;
    }
}
