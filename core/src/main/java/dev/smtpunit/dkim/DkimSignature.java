package dev.smtpunit.dkim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one {@code DKIM-Signature} field of a message says (RFC 6376 section 3.5).
 *
 * @param domain the signing domain ({@code d=})
 * @param selector the selector ({@code s=})
 * @param algorithm the algorithm ({@code a=}), such as {@code rsa-sha256} or {@code ed25519-sha256}
 * @param canonicalization header and body canonicalization ({@code c=}), such as {@code relaxed/simple}
 * @param signedHeaders the signed header field names in order ({@code h=})
 * @param bodyLength the number of body octets signed ({@code l=}), empty when the whole body is
 * @param timestamp when it was signed ({@code t=})
 * @param expiration when it expires ({@code x=})
 * @param field the whole field as received, unfolded
 */
public record DkimSignature(
        String domain,
        String selector,
        String algorithm,
        String canonicalization,
        List<String> signedHeaders,
        OptionalLong bodyLength,
        Optional<Instant> timestamp,
        Optional<Instant> expiration,
        String field) {

    /**
     * Creates a signature record, checking its components.
     *
     * @param domain d=
     * @param selector s=
     * @param algorithm a=
     * @param canonicalization c=
     * @param signedHeaders h=
     * @param bodyLength l=
     * @param timestamp t=
     * @param expiration x=
     * @param field the field
     */
    public DkimSignature {
        signedHeaders = List.copyOf(signedHeaders);
    }

    @Override
    public String toString() {
        return "d=" + domain + " s=" + selector + " a=" + algorithm + " c=" + canonicalization + " h="
                + String.join(":", signedHeaders) + (bodyLength.isPresent() ? " l=" + bodyLength.getAsLong() : "")
                + expiration.map(x -> " x=" + x).orElse("");
    }
}
