package dev.smtpunit;

import java.util.Locale;
import java.util.Set;

/** Reads from a client's commands which ESMTP extensions it used. */
final class ExtensionsUsed {
    private ExtensionsUsed() {}

    static void collect(TranscriptEntry.Exchange x, Set<String> used) {
        String line = x.clientLine();
        if (line == null) {
            return;
        }
        if (x.pipelined()) {
            used.add("PIPELINING");
        }
        String upper = line.toUpperCase(Locale.ROOT);
        switch (x.phase()) {
            case STARTTLS:
                used.add("STARTTLS");
                break;
            case AUTH:
                if (upper.startsWith("AUTH ")) {
                    used.add("AUTH");
                }
                break;
            case MAIL:
            case RCPT:
                for (String parameter : parameters(line)) {
                    String name = parameter.split("=", 2)[0].toUpperCase(Locale.ROOT);
                    String value = parameter.length() > name.length() ? parameter.substring(name.length() + 1) : "";
                    add(name, value.toUpperCase(Locale.ROOT), used);
                }
                break;
            default:
                if (upper.startsWith("BDAT ")) {
                    used.add("CHUNKING");
                }
                break;
        }
    }

    private static void add(String name, String value, Set<String> used) {
        switch (name) {
            case "BODY" -> used.add(value.equals("BINARYMIME") ? "BINARYMIME" : "8BITMIME");
            case "RET", "ENVID", "NOTIFY", "ORCPT" -> used.add("DSN");
            default -> used.add(name);
        }
    }

    /** The parameters after the path, which ends at the first {@code >} outside a quoted string. */
    private static String[] parameters(String line) {
        boolean quoted = false;
        for (int i = line.indexOf('<'); i >= 0 && i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                String rest = line.substring(i + 1).trim();
                return rest.isEmpty() ? new String[0] : rest.split(" +");
            }
        }
        return new String[0];
    }
}
