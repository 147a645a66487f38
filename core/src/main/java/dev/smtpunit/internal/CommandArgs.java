package dev.smtpunit.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The path and ESMTP parameters of a {@code MAIL FROM:} or {@code RCPT TO:} argument.
 *
 * @param path the address inside the angle brackets (or the bare token)
 * @param parameters upper-cased names to values in order; a name without value maps to ""
 */
record CommandArgs(String path, Map<String, String> parameters) {

    /**
     * Parses the part after the colon, for example {@code <a@b.c> SIZE=100 BODY=8BITMIME}.
     *
     * @param afterColon the text after {@code FROM:} or {@code TO:}
     * @return the parsed arguments, or null when the path cannot be found
     */
    static CommandArgs parse(String afterColon) {
        String s = afterColon.strip();
        String path;
        String rest;
        if (s.startsWith("<")) {
            int close = s.indexOf('>');
            if (close < 0) {
                return null;
            }
            path = s.substring(1, close);
            rest = s.substring(close + 1);
        } else {
            int space = s.indexOf(' ');
            path = space < 0 ? s : s.substring(0, space);
            rest = space < 0 ? "" : s.substring(space);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String token : rest.strip().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq == 0) {
                return null;
            }
            String name = (eq < 0 ? token : token.substring(0, eq)).toUpperCase(Locale.ROOT);
            params.put(name, eq < 0 ? "" : token.substring(eq + 1));
        }
        return new CommandArgs(path, params.isEmpty() ? Map.of() : params);
    }

    /**
     * The argument of a MAIL or RCPT line.
     *
     * @param line the whole command line
     * @param keyword {@code FROM} or {@code TO}
     * @return the parsed arguments, or null when the line is not of that form
     */
    static CommandArgs ofLine(String line, String keyword) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String arg = line.substring(space + 1).stripLeading();
        int colon = arg.indexOf(':');
        if (colon < 0 || !arg.substring(0, colon).strip().equalsIgnoreCase(keyword)) {
            return null;
        }
        return parse(arg.substring(colon + 1));
    }
}
