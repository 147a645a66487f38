package dev.smtpunit.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A freshly generated DKIM key pair for tests, with the DNS TXT record a real domain would publish.
 * Hand {@link #privateKeyPem()} (or {@link #privateKey()}) to the application's signer and
 * {@link #publicKey()} to {@link DkimVerifier}.
 *
 * <pre>{@code
 * DkimTestKey key = DkimTestKey.ed25519("example.com", "mail");
 * key.txtRecordName();  // mail._domainkey.example.com
 * key.txtRecordValue(); // v=DKIM1; k=ed25519; p=...
 * }</pre>
 */
public final class DkimTestKey {
    private final String domain;
    private final String selector;
    private final String type;
    private final KeyPair pair;

    private DkimTestKey(String domain, String selector, String type, KeyPair pair) {
        this.domain = domain;
        this.selector = selector;
        this.type = type;
        this.pair = pair;
    }

    /**
     * Returns a new 2048-bit RSA key pair (for rsa-sha256).
     *
     * @param domain the signing domain
     * @param selector the selector
     * @return a new 2048-bit RSA key pair (for rsa-sha256)
     */
    public static DkimTestKey rsa(String domain, String selector) {
        return new DkimTestKey(domain, selector, "rsa", generate("RSA", 2048));
    }

    /**
     * Returns a new Ed25519 key pair (for ed25519-sha256, RFC 8463).
     *
     * @param domain the signing domain
     * @param selector the selector
     * @return a new Ed25519 key pair (for ed25519-sha256, RFC 8463)
     */
    public static DkimTestKey ed25519(String domain, String selector) {
        return new DkimTestKey(domain, selector, "ed25519", generate("Ed25519", 0));
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + algorithm + " keys", e);
        }
    }

    /** {@return the signing domain} */
    public String domain() {
        return domain;
    }

    /** {@return the selector} */
    public String selector() {
        return selector;
    }

    /** {@return the private key, for a signer} */
    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    /** {@return the private key as PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----})} */
    public String privateKeyPem() {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** {@return the public key, for {@link DkimVerifier}} */
    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** {@return the DNS name of the key record, {@code selector._domainkey.domain}} */
    public String txtRecordName() {
        return selector + "._domainkey." + domain;
    }

    /** {@return the TXT record value, {@code v=DKIM1; k=rsa; p=...}} */
    public String txtRecordValue() {
        byte[] spki = pair.getPublic().getEncoded();
        byte[] p = type.equals("rsa") ? spki : Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        return "v=DKIM1; k=" + type + "; p=" + Base64.getEncoder().encodeToString(p);
    }

    @Override
    public String toString() {
        return "DkimTestKey[" + type + ", " + txtRecordName() + "]";
    }
}
