package dev.smtpunit.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Makes a self-signed EC P-256 certificate for {@code CN=localhost} with the subject alternative
 * names {@code localhost} and {@code 127.0.0.1}, using only the JDK: a minimal DER encoder writes the
 * X.509 structure and the JDK signs and parses it. Made once per JVM (see {@link #shared()}).
 */
public final class SelfSignedCertificate {
    private static final byte[] OID_EC_WITH_SHA256 = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02};
    private static final byte[] OID_COMMON_NAME = {0x55, 0x04, 0x03};
    private static final byte[] OID_SUBJECT_ALT_NAME = {0x55, 0x1D, 0x11};
    private static final byte[] OID_BASIC_CONSTRAINTS = {0x55, 0x1D, 0x13};
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    private static final class Holder {
        static final SelfSignedCertificate INSTANCE = generate();
    }

    /** {@return the certificate of this JVM, generated on first use} */
    public static SelfSignedCertificate shared() {
        return Holder.INSTANCE;
    }

    /** {@return the key pair} */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** {@return the certificate} */
    public X509Certificate certificate() {
        return certificate;
    }

    static SelfSignedCertificate generate() {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = kpg.generateKeyPair();

            byte[] algorithm = seq(oid(OID_EC_WITH_SHA256));
            byte[] name =
                    seq(set(seq(oid(OID_COMMON_NAME), tlv(0x0C, "localhost".getBytes(StandardCharsets.US_ASCII)))));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
            byte[] validity = seq(time(now.minusDays(1)), time(now.plusYears(10)));
            byte[] san = seq(
                    tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)), tlv(0x87, new byte[] {127, 0, 0, 1}));
            byte[] extensions = tlv(
                    0xA3,
                    seq(
                            seq(oid(OID_BASIC_CONSTRAINTS), tlv(0x04, seq())),
                            seq(oid(OID_SUBJECT_ALT_NAME), tlv(0x04, san))));
            byte[] serial = tlv(
                    0x02,
                    new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
            byte[] tbs = seq(
                    tlv(0xA0, tlv(0x02, new byte[] {2})),
                    serial,
                    algorithm,
                    name,
                    validity,
                    name,
                    kp.getPublic().getEncoded(),
                    extensions);

            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(kp.getPrivate());
            signer.update(tbs);
            byte[] sig = signer.sign();
            byte[] bitString = new byte[sig.length + 1];
            System.arraycopy(sig, 0, bitString, 1, sig.length);
            byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));

            X509Certificate cert = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            cert.verify(kp.getPublic());
            return new SelfSignedCertificate(kp, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the self-signed TLS certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] time(ZonedDateTime t) {
        // GeneralizedTime is valid for every year; UTCTime would be required before 2050 by RFC 5280
        if (t.getYear() < 2050) {
            return tlv(
                    0x17,
                    t.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, t.format(GENERALIZED).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(byte[] body) {
        return tlv(0x06, body);
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
