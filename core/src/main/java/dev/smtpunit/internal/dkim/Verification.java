package dev.smtpunit.internal.dkim;

import dev.smtpunit.dkim.DkimResult;
import dev.smtpunit.dkim.DkimResult.Status;
import dev.smtpunit.dkim.DkimSignature;
import dev.smtpunit.internal.lint.DkimTags;
import dev.smtpunit.internal.lint.HeaderField;
import dev.smtpunit.internal.lint.RawEntity;

import javax.crypto.Cipher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * RFC 6376 section 6.1 verification on the JDK's own crypto: SHA256withRSA, and Ed25519 over the
 * SHA-256 of the header data (RFC 8463 section 3). No DNS; the caller supplies the key.
 */
public final class Verification {
    /** The DER prefix that turns a raw 32-byte Ed25519 key into a SubjectPublicKeyInfo. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private Verification() {}

    /**
     * @param content the message
     * @param domain only signatures with this d=, or null for all
     * @param selector only signatures with this s=, or null for all
     * @param key the public key, or null to check only what needs no key
     * @param clock for x=
     * @return one result per signature checked
     */
    public static List<DkimResult> run(byte[] content, String domain, String selector, PublicKey key, Clock clock) {
        RawEntity top = RawEntity.parse(content);
        List<DkimResult> results = new ArrayList<>();
        for (HeaderField field : top.fields("DKIM-Signature")) {
            Map<String, String> tags = DkimTags.parse(field.unfoldedLatin1());
            DkimSignature sig = signature(tags, field);
            if (domain != null && !domain.equalsIgnoreCase(sig.domain())) {
                continue;
            }
            if (selector != null && !selector.equals(sig.selector())) {
                continue;
            }
            results.add(check(content, top, field, tags, sig, key, clock));
        }
        return List.copyOf(results);
    }

    private static DkimSignature signature(Map<String, String> tags, HeaderField field) {
        List<String> headers = new ArrayList<>();
        for (String h : tags.getOrDefault("h", "") == null
                ? new String[0]
                : tags.getOrDefault("h", "").split(":")) {
            if (!h.isBlank()) {
                headers.add(h.strip());
            }
        }
        return new DkimSignature(
                str(tags.get("d")),
                str(tags.get("s")),
                str(tags.get("a")),
                tags.get("c") == null ? "simple/simple" : tags.get("c"),
                headers,
                number(tags.get("l")),
                instant(tags.get("t")),
                instant(tags.get("x")),
                field.value());
    }

    private static DkimResult check(
            byte[] content,
            RawEntity top,
            HeaderField field,
            Map<String, String> tags,
            DkimSignature sig,
            PublicKey key,
            Clock clock) {
        for (String required : List.of("v", "a", "b", "bh", "d", "h", "s")) {
            if (tags.get(required) == null || (tags.get(required).isEmpty() && !required.equals("b"))) {
                return new DkimResult(
                        sig, Status.MALFORMED, "the required tag " + required + "= is missing, empty or repeated");
            }
        }
        if (!"1".equals(tags.get("v"))) {
            return new DkimResult(sig, Status.MALFORMED, "v=" + tags.get("v") + " is not 1");
        }
        if (sig.signedHeaders().stream().noneMatch(h -> h.equalsIgnoreCase("from"))) {
            return new DkimResult(sig, Status.MALFORMED, "h= does not sign From, which RFC 6376 section 5.4 requires");
        }
        String algorithm = sig.algorithm().toLowerCase(Locale.ROOT);
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("ed25519-sha256")) {
            return new DkimResult(
                    sig,
                    Status.UNSUPPORTED_ALGORITHM,
                    "a=" + sig.algorithm() + " is not supported"
                            + (algorithm.equals("rsa-sha1")
                                    ? " (RFC 8301 forbids rsa-sha1)"
                                    : "; only rsa-sha256 and ed25519-sha256 are"));
        }
        String[] c = sig.canonicalization().toLowerCase(Locale.ROOT).split("/", 2);
        boolean relaxedHeaders = c[0].strip().equals("relaxed");
        boolean relaxedBody = c.length > 1 && c[1].strip().equals("relaxed");
        for (String part : c) {
            if (!part.strip().equals("simple") && !part.strip().equals("relaxed")) {
                return new DkimResult(
                        sig, Status.MALFORMED, "c=" + sig.canonicalization() + " names an unknown canonicalization");
            }
        }
        if (sig.expiration().isPresent() && sig.expiration().get().isBefore(clock.instant())) {
            return new DkimResult(
                    sig,
                    Status.EXPIRED,
                    "the signature expired at " + sig.expiration().get() + " (x=)");
        }
        byte[] body = Canonicalizer.body(Arrays.copyOfRange(content, top.bodyStart(), content.length), relaxedBody);
        if (sig.bodyLength().isPresent()) {
            long l = sig.bodyLength().getAsLong();
            if (l > body.length) {
                return new DkimResult(
                        sig,
                        Status.BODY_HASH_MISMATCH,
                        "l=" + l + " is longer than the canonical body (" + body.length
                                + " octets): the body was shortened after signing");
            }
            body = Arrays.copyOf(body, (int) l);
        }
        byte[] expectedBodyHash;
        try {
            expectedBodyHash = Base64.getDecoder().decode(tags.get("bh"));
        } catch (IllegalArgumentException e) {
            return new DkimResult(sig, Status.MALFORMED, "bh= is not base64");
        }
        byte[] bodyHash = sha256(body);
        if (!MessageDigest.isEqual(bodyHash, expectedBodyHash)) {
            return new DkimResult(
                    sig,
                    Status.BODY_HASH_MISMATCH,
                    "the body hash does not match bh=: the body"
                            + (sig.bodyLength().isPresent()
                                    ? " (its first " + sig.bodyLength().getAsLong() + " octets)"
                                    : "")
                            + " changed after signing (computed "
                            + Base64.getEncoder().encodeToString(bodyHash) + ")");
        }
        if (key == null) {
            return new DkimResult(
                    sig,
                    Status.BODY_HASH_VERIFIED,
                    "the body hash matches; the header signature was not" + " checked (no key given)");
        }
        byte[] signatureValue;
        try {
            signatureValue = Base64.getDecoder().decode(tags.get("b"));
        } catch (IllegalArgumentException e) {
            return new DkimResult(sig, Status.MALFORMED, "b= is not base64");
        }
        byte[] data = headerData(top, field, sig.signedHeaders(), relaxedHeaders);
        return verifySignature(sig, algorithm, key, data, signatureValue);
    }

    private static DkimResult verifySignature(
            DkimSignature sig, String algorithm, PublicKey key, byte[] data, byte[] value) {
        boolean rsa = algorithm.startsWith("rsa");
        String keyAlgorithm = key.getAlgorithm();
        if (rsa != keyAlgorithm.equals("RSA")
                || (!rsa && !keyAlgorithm.equals("Ed25519") && !keyAlgorithm.equals("EdDSA"))) {
            return new DkimResult(
                    sig,
                    Status.KEY_MISMATCH,
                    "the signature is " + sig.algorithm() + " but the key is " + keyAlgorithm);
        }
        try {
            Signature verifier = Signature.getInstance(rsa ? "SHA256withRSA" : "Ed25519");
            verifier.initVerify(key);
            verifier.update(rsa ? data : sha256(data));
            if (verifier.verify(value)) {
                return new DkimResult(sig, Status.PASS, "body hash and signature verify");
            }
        } catch (GeneralSecurityException e) {
            return new DkimResult(
                    sig, Status.KEY_MISMATCH, "the signature does not verify with this key: " + e.getMessage());
        }
        if (rsa && rsaKeyOpens(key, value)) {
            return new DkimResult(
                    sig,
                    Status.SIGNED_HEADER_CHANGED,
                    "the key opens the signature but the signed header"
                            + " fields (h=" + String.join(":", sig.signedHeaders())
                            + ") hash differently: a signed header changed"
                            + " after signing");
        }
        return new DkimResult(
                sig,
                Status.KEY_MISMATCH,
                rsa
                        ? "the signature was not made with this key"
                        : "the Ed25519 signature does not verify: it was made with another key, or a signed header (h="
                                + String.join(":", sig.signedHeaders()) + ") changed (Ed25519 cannot tell which)");
    }

    /** Whether RSA with this public key recovers a well-padded PKCS#1 block: then the key is the signer's. */
    private static boolean rsaKeyOpens(PublicKey key, byte[] value) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            cipher.init(Cipher.DECRYPT_MODE, key);
            cipher.doFinal(value);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] headerData(RawEntity top, HeaderField signatureField, List<String> signed, boolean relaxed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<HeaderField> fields = top.fields();
        Set<HeaderField> used = new HashSet<>();
        for (String name : signed) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                HeaderField f = fields.get(i);
                if (f.is(name) && !used.contains(f)) {
                    used.add(f);
                    out.writeBytes(Canonicalizer.header(f.raw(), relaxed));
                    break;
                }
            }
        }
        byte[] self = Canonicalizer.header(withoutSignatureValue(signatureField.raw()), relaxed);
        int end = self.length;
        if (end >= 2 && self[end - 2] == '\r' && self[end - 1] == '\n') {
            end -= 2;
        }
        out.write(self, 0, end);
        return out.toByteArray();
    }

    /** The field with the value of its b= tag deleted (RFC 6376 section 3.7). */
    static byte[] withoutSignatureValue(byte[] raw) {
        String field = new String(raw, StandardCharsets.ISO_8859_1);
        int colon = field.indexOf(':');
        StringBuilder out = new StringBuilder(field.substring(0, colon + 1));
        String value = field.substring(colon + 1);
        int tail = value.length();
        while (tail > 0 && (value.charAt(tail - 1) == '\r' || value.charAt(tail - 1) == '\n')) {
            tail--;
        }
        String lineBreak = value.substring(tail);
        String[] specs = value.substring(0, tail).split(";", -1);
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            int eq = spec.indexOf('=');
            if (eq >= 0 && spec.substring(0, eq).strip().equals("b")) {
                spec = spec.substring(0, eq + 1);
            }
            out.append(spec);
            if (i + 1 < specs.length) {
                out.append(';');
            }
        }
        return (out + lineBreak).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param txtRecord a DKIM key record
     * @return its key
     */
    public static PublicKey publicKey(String txtRecord) {
        Map<String, String> tags = DkimTags.parse(txtRecord);
        String p = tags.get("p");
        if (p == null || p.isEmpty()) {
            throw new IllegalArgumentException("the key record has no p= (or an empty one: the key is revoked)");
        }
        String k = tags.getOrDefault("k", "rsa");
        try {
            byte[] der = Base64.getDecoder().decode(p);
            if ("ed25519".equalsIgnoreCase(k)) {
                byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + der.length);
                System.arraycopy(der, 0, spki, ED25519_SPKI_PREFIX.length, der.length);
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            }
            if ("rsa".equalsIgnoreCase(k)) {
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the key record's p= is not a valid " + k + " public key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("k=" + k + " is not supported; only rsa and ed25519 are");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static OptionalLong number(String s) {
        try {
            return s == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Instant> instant(String s) {
        OptionalLong n = number(s);
        return n.isPresent() ? Optional.of(Instant.ofEpochSecond(n.getAsLong())) : Optional.empty();
    }
}
