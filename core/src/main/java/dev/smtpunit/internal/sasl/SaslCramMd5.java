package dev.smtpunit.internal.sasl;

import dev.smtpunit.SmtpServerOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * AUTH CRAM-MD5 (RFC 2195): the server sends a unique challenge, the client answers with its user
 * name, a space and the HMAC-MD5 of the challenge keyed with the password, in lower-case hex.
 */
final class SaslCramMd5 extends SaslExchange {
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{32}");

    private String challenge;

    SaslCramMd5(SmtpServerOptions options) {
        super(options);
    }

    @Override
    public Step start(String initialResponse) {
        if (initialResponse != null) {
            return malformed("CRAM-MD5 takes no initial response: the server sends the challenge first (RFC 2195)");
        }
        challenge = "<" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + "."
                + System.currentTimeMillis() + "@" + options.hostname() + ">";
        return new Challenge(encode(challenge), true);
    }

    @Override
    public Step respond(String line) {
        String decoded = decode(line);
        if (decoded == null) {
            return undecodable("AUTH CRAM-MD5 response");
        }
        int space = decoded.lastIndexOf(' ');
        if (space <= 0 || !DIGEST.matcher(decoded.substring(space + 1)).matches()) {
            return malformed(
                    "AUTH CRAM-MD5 response must be the user name, a space and 32 lower-case hex digits (RFC 2195)");
        }
        String user = decoded.substring(0, space);
        String password = options.users().get(user);
        if (password == null) {
            return INVALID;
        }
        byte[] expected = hmacMd5(password, challenge).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = decoded.substring(space + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? new Success(user) : INVALID;
    }

    /**
     * @param key the password
     * @param text the challenge
     * @return the keyed digest in lower-case hex
     */
    static String hmacMd5(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(k.length == 0 ? new byte[1] : k, "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is not available in this JVM", e);
        }
    }
}
