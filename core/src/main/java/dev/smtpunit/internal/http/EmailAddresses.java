package dev.smtpunit.internal.http;

import java.util.regex.Pattern;

/**
 * The address syntax the provider APIs accept: a dot-atom local part and a domain of at least two
 * DNS labels (the providers refuse {@code user@localhost}), 254 octets at most. Stricter than RFC
 * 5322, as the providers are.
 */
final class EmailAddresses {
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {}

    static boolean valid(String address) {
        return address != null
                && address.length() <= 254
                && address.indexOf('@') <= 64
                && ADDRESS.matcher(address).matches();
    }

    /**
     * Splits {@code "Name <a@b.c>"} or {@code a@b.c} into name and address; null when it is neither.
     *
     * @param text the header-style address
     * @return name and address
     */
    static MimeBuilder.Address parse(String text) {
        String t = text.trim();
        int lt = t.lastIndexOf('<');
        if (lt >= 0 && t.endsWith(">")) {
            String name = t.substring(0, lt).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1)
                        .replace("\\\"", "\"")
                        .replace("\\\\", "\\");
            }
            String email = t.substring(lt + 1, t.length() - 1).trim();
            return valid(email) ? new MimeBuilder.Address(name, email) : null;
        }
        return valid(t) ? new MimeBuilder.Address("", t) : null;
    }

    /**
     * Splits a comma-separated list of header-style addresses, commas inside quotes kept.
     *
     * @param text the list
     * @return the pieces, trimmed, empty ones dropped
     */
    static java.util.List<String> split(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString().trim());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        return out;
    }
}
