package dev.smtpunit;

/** Decodes the xtext of RFC 3461 section 4 ({@code +2B} is "+"), in which ENVID and ORCPT travel. */
final class Xtext {
    private Xtext() {}

    static String decode(String value) {
        if (value.indexOf('+') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' && i + 2 < value.length()) {
                out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
