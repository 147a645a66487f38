package dev.smtpunit.dkim;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.internal.dkim.Verification;

import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Verifies the DKIM signatures of a received message (RFC 6376; rsa-sha256, and ed25519-sha256 of
 * RFC 8463) without DNS: the test hands in the public key. Simple and relaxed canonicalization,
 * {@code h=}, {@code l=} and {@code x=} are honoured; every {@code DKIM-Signature} field is checked.
 *
 * <pre>{@code
 * DkimTestKey key = DkimTestKey.rsa("example.com", "s1");
 * // ... configure the application's signer with key.privateKeyPem(), send, receive ...
 * DkimResult result = DkimVerifier.verify(mail, "example.com", "s1", key.publicKey()).get(0);
 * assertTrue(result.passed(), result.reason());
 * }</pre>
 */
public final class DkimVerifier {
    private DkimVerifier() {}

    /**
     * Checks every signature with {@code d=domain} and {@code s=selector} against the key.
     *
     * @param message the message
     * @param domain the signing domain
     * @param selector the selector
     * @param publicKey the key published for {@code selector._domainkey.domain}
     * @return one result per matching signature, in field order; empty when none has that domain and selector
     */
    public static List<DkimResult> verify(
            ReceivedMessage message, String domain, String selector, PublicKey publicKey) {
        return verify(message.rawBytes(), domain, selector, publicKey);
    }

    /**
     * Checks every matching signature of raw content against the key.
     *
     * @param content the message content
     * @param domain the signing domain
     * @param selector the selector
     * @param publicKey the public key
     * @return one result per matching signature
     */
    public static List<DkimResult> verify(byte[] content, String domain, String selector, PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        return Verification.run(content, domain, selector, publicKey, Clock.systemUTC());
    }

    /**
     * Checks what can be checked without keys: every signature's syntax, algorithm, expiry and body hash.
     *
     * @param message the message
     * @return one result per signature ({@link DkimResult.Status#BODY_HASH_VERIFIED} at best), in field order
     */
    public static List<DkimResult> inspect(ReceivedMessage message) {
        return inspect(message.rawBytes());
    }

    /**
     * Returns one result per signature.
     *
     * @param content the message content
     * @return one result per signature
     */
    public static List<DkimResult> inspect(byte[] content) {
        return Verification.run(content, null, null, null, Clock.systemUTC());
    }

    /**
     * Reads the public key out of a DKIM key record ({@code v=DKIM1; k=rsa; p=...}).
     *
     * @param txtRecord the TXT record value
     * @return the key
     * @throws IllegalArgumentException when the record has no usable key
     */
    public static PublicKey publicKeyFromTxtRecord(String txtRecord) {
        return Verification.publicKey(txtRecord);
    }
}
