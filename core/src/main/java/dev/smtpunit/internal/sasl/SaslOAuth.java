package dev.smtpunit.internal.sasl;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.SmtpServerOptions;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * AUTH XOAUTH2 (Google's and Microsoft's {@code user=...^Aauth=Bearer <token>^A^A}) and OAUTHBEARER
 * (RFC 7628: {@code n,a=user,^Ahost=...^Aport=...^Aauth=Bearer <token>^A^A}). A refused token gets a
 * 334 challenge carrying a base64 JSON error; the client must then answer with an empty line
 * (XOAUTH2) or {@code ^A} (OAUTHBEARER, RFC 7628 section 3.2.3) and gets 535.
 */
final class SaslOAuth extends SaslExchange {
    private static final String DUMMY_RESPONSE = encode("\u0001");

    private final AuthMechanism mechanism;
    private boolean refused;

    SaslOAuth(AuthMechanism mechanism, SmtpServerOptions options) {
        super(options);
        this.mechanism = mechanism;
    }

    @Override
    public Step respond(String line) {
        if (refused) {
            return afterError(line);
        }
        String decoded = decode(line);
        if (decoded == null) {
            return undecodable("AUTH " + mechanism.saslName() + " response");
        }
        Credentials credentials;
        try {
            credentials = mechanism == AuthMechanism.XOAUTH2 ? xoauth2(decoded) : oauthBearer(decoded);
        } catch (IllegalArgumentException e) {
            return malformed("AUTH " + mechanism.saslName() + " response " + e.getMessage());
        }
        BiPredicate<String, String> check = options.tokenCheck().orElseThrow();
        boolean accepted;
        try {
            accepted = check.test(credentials.user(), credentials.token());
        } catch (RuntimeException e) {
            return new Failure("454", "4.7.0 Temporary authentication failure (the token check threw " + e + ")");
        }
        if (accepted) {
            return new Success(credentials.user());
        }
        refused = true;
        String error = mechanism == AuthMechanism.XOAUTH2
                ? "{\"status\":\"400\",\"schemes\":\"Bearer\"}"
                : "{\"status\":\"invalid_token\",\"schemes\":\"bearer\"}";
        return new Challenge(encode(error), false);
    }

    private Step afterError(String line) {
        if (mechanism == AuthMechanism.XOAUTH2 ? line.isEmpty() : line.equals(DUMMY_RESPONSE)) {
            return INVALID;
        }
        return malformed(
                mechanism == AuthMechanism.XOAUTH2
                        ? "After the XOAUTH2 error challenge the client must send an empty line"
                        : "After the OAUTHBEARER error challenge the client must send %x01 (AQ==), RFC 7628 section 3.2.3");
    }

    private record Credentials(String user, String token) {}

    /** {@code user=<user>^Aauth=Bearer <token>^A^A}. */
    private static Credentials xoauth2(String message) {
        if (!message.endsWith("\u0001\u0001")) {
            throw new IllegalArgumentException(
                    "must be user=<user>^Aauth=Bearer <token>^A^A (it does not end with ^A^A)");
        }
        Map<String, String> pairs = pairs(message.substring(0, message.length() - 1));
        String user = pairs.get("user");
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("has no user=<user>");
        }
        return new Credentials(user, bearer(pairs.get("auth")));
    }

    /** RFC 7628 section 3.1: {@code gs2-header ^A *(key=value ^A) ^A}. */
    private static Credentials oauthBearer(String message) {
        int kvsep = message.indexOf('\u0001');
        if (kvsep < 0 || !message.endsWith("\u0001\u0001") || message.length() < kvsep + 2) {
            throw new IllegalArgumentException(
                    "must be a GS2 header, ^A, key=value pairs each ended by ^A, and a final ^A (RFC 7628)");
        }
        String[] gs2 = message.substring(0, kvsep).split(",", -1);
        if (gs2.length != 3 || !gs2[2].isEmpty()) {
            throw new IllegalArgumentException("has a malformed GS2 header (expected n,a=<user>,)");
        }
        if (gs2[0].startsWith("p=")) {
            throw new IllegalArgumentException(
                    "asks for channel binding, which OAUTHBEARER does not support (RFC 7628 section 3.1)");
        }
        if (!gs2[0].equals("n") && !gs2[0].equals("y")) {
            throw new IllegalArgumentException("has a malformed GS2 header (expected n,a=<user>,)");
        }
        if (!gs2[1].startsWith("a=") || gs2[1].length() == 2) {
            throw new IllegalArgumentException("has no authorization identity (a=<user>) in its GS2 header;"
                    + " SmtpUnit needs it to judge the token");
        }
        String user = saslName(gs2[1].substring(2));
        Map<String, String> pairs = pairs(message.substring(kvsep + 1, message.length() - 1));
        String port = pairs.get("port");
        if (port != null && !port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("has port=" + port + ", which is not a port number");
        }
        return new Credentials(user, bearer(pairs.get("auth")));
    }

    /** Parses {@code key=value^A...} (the text ends with one ^A). */
    private static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return pairs;
        }
        if (!text.endsWith("\u0001")) {
            throw new IllegalArgumentException("must end each key=value pair with ^A");
        }
        for (String pair : text.substring(0, text.length() - 1).split("\u0001", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || !pair.substring(0, eq).matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("has a malformed key=value pair \"" + pair + "\"");
            }
            if (pairs.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("repeats the key " + pair.substring(0, eq));
            }
        }
        return pairs;
    }

    private static String bearer(String auth) {
        if (auth == null) {
            throw new IllegalArgumentException("has no auth=Bearer <token>");
        }
        int space = auth.indexOf(' ');
        if (space < 0
                || !auth.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")
                || space == auth.length() - 1
                || auth.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("has auth=" + (auth.isEmpty() ? "(empty)" : auth.split(" ")[0] + " ...")
                    + " where auth=Bearer <token> was expected");
        }
        return auth.substring(space + 1);
    }

    /** RFC 5801 saslname: {@code =2C} stands for a comma, {@code =3D} for an equals sign. */
    private static String saslName(String encoded) {
        StringBuilder sb = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '=') {
                String escape = i + 3 <= encoded.length() ? encoded.substring(i, i + 3) : "";
                if (escape.equals("=2C")) {
                    sb.append(',');
                } else if (escape.equals("=3D")) {
                    sb.append('=');
                } else {
                    throw new IllegalArgumentException("has a malformed authorization identity (= must be =2C or =3D)");
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
