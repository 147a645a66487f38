package dev.smtpunit.dkim;

import java.util.Objects;

/**
 * The outcome of checking one DKIM signature.
 *
 * @param signature the signature checked
 * @param status the verdict
 * @param reason why, in one sentence
 */
public record DkimResult(DkimSignature signature, Status status, String reason) {

    /** The verdict on a signature. */
    public enum Status {
        /** Body hash and header signature verify with the given key. */
        PASS,
        /** No key was given: the body hash matches and the signature is well formed, but the header signature was not checked. */
        BODY_HASH_VERIFIED,
        /** The body (or its first {@code l=} octets) hashes differently: the body changed after signing. */
        BODY_HASH_MISMATCH,
        /** The key opens the signature, but the signed header fields hash differently: a signed header changed. */
        SIGNED_HEADER_CHANGED,
        /** The signature does not verify with this key: it was made with another key (or, for Ed25519, a signed header changed). */
        KEY_MISMATCH,
        /** The {@code x=} expiration is in the past. */
        EXPIRED,
        /** The algorithm is not rsa-sha256 or ed25519-sha256 (rsa-sha1 is forbidden by RFC 8301). */
        UNSUPPORTED_ALGORITHM,
        /** A required tag is missing or wrong, or {@code h=} does not sign From. */
        MALFORMED
    }

    /**
     * Creates a result, checking its components.
     *
     * @param signature the signature
     * @param status the verdict
     * @param reason why
     */
    public DkimResult {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return whether the signature verified fully ({@link Status#PASS})} */
    public boolean passed() {
        return status == Status.PASS;
    }

    @Override
    public String toString() {
        return status + " (" + signature + "): " + reason;
    }
}
