package dev.smtpunit.dkim;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.dkim.DkimResult.Status;
import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures made by an independent signer (dkimpy; see {@code dkim/make-signatures.py}) verify, and
 * each tampering fails with its own reason.
 */
class DkimVerifierTest {
    private static final PublicKey RSA = DkimVerifier.publicKeyFromTxtRecord(text("rsa.txt"));
    private static final PublicKey ED25519 = DkimVerifier.publicKeyFromTxtRecord(text("ed25519.txt"));

    @Test
    void verifiesRsaSha256WithRelaxedCanonicalization() {
        assertThat(only(bytes("rsa-relaxed.eml"), "rsa", RSA).status()).isEqualTo(Status.PASS);
    }

    @Test
    void verifiesRsaSha256WithSimpleCanonicalization() {
        assertThat(only(bytes("rsa-simple.eml"), "rsa", RSA).status()).isEqualTo(Status.PASS);
    }

    @Test
    void verifiesEd25519Sha256() {
        DkimResult result = only(bytes("ed25519.eml"), "ed", ED25519);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.signature().algorithm()).isEqualTo("ed25519-sha256");
    }

    @Test
    void verifiesBothSignaturesOfADualSignedMessage() {
        byte[] dual = bytes("dual.eml");
        assertThat(only(dual, "rsa", RSA).status()).isEqualTo(Status.PASS);
        assertThat(only(dual, "ed", ED25519).status()).isEqualTo(Status.PASS);
        assertThat(DkimVerifier.inspect(dual))
                .extracting(DkimResult::status)
                .containsExactly(Status.BODY_HASH_VERIFIED, Status.BODY_HASH_VERIFIED);
    }

    @Test
    void bodyLengthTagLeavesAnAppendedFooterUnsigned() {
        DkimResult result = only(bytes("rsa-length.eml"), "rsa", RSA);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.signature().bodyLength()).isPresent();
    }

    @Test
    void changedBodyByteIsABodyHashMismatch() {
        byte[] tampered = replace(bytes("rsa-relaxed.eml"), "order\t 1042", "order\t 1043");
        DkimResult result = only(tampered, "rsa", RSA);
        assertThat(result.status()).isEqualTo(Status.BODY_HASH_MISMATCH);
        assertThat(result.reason()).startsWith("the body hash does not match bh=: the body changed after signing");
    }

    @Test
    void appendedBodyWithoutLengthTagIsABodyHashMismatch() {
        byte[] tampered = concat(bytes("rsa-simple.eml"), "-- \r\nfooter\r\n");
        assertThat(only(tampered, "rsa", RSA).status()).isEqualTo(Status.BODY_HASH_MISMATCH);
    }

    @Test
    void changedSignedHeaderIsReportedAsSuch() {
        byte[] tampered = replace(bytes("rsa-relaxed.eml"), "\tfor order 1042", "\tfor order 1043");
        DkimResult result = only(tampered, "rsa", RSA);
        assertThat(result.status()).isEqualTo(Status.SIGNED_HEADER_CHANGED);
        assertThat(result.reason())
                .contains("a signed header changed after signing")
                .contains("h=from:to:subject:date:message-id:mime-version:content-type");
    }

    @Test
    void refoldedHeaderPassesRelaxedButNotSimple() {
        String from = "Subject:   Your receipt\r\n\tfor order 1042";
        String to = "Subject: Your receipt for order 1042";
        assertThat(only(replace(bytes("rsa-relaxed.eml"), from, to), "rsa", RSA).status())
                .isEqualTo(Status.PASS);
        assertThat(only(replace(bytes("rsa-simple.eml"), from, to), "rsa", RSA).status())
                .isEqualTo(Status.SIGNED_HEADER_CHANGED);
    }

    @Test
    void anotherRsaKeyIsAKeyMismatch() {
        DkimResult result = only(
                bytes("rsa-relaxed.eml"),
                "rsa",
                DkimTestKey.rsa("shop.example", "rsa").publicKey());
        assertThat(result.status()).isEqualTo(Status.KEY_MISMATCH);
        assertThat(result.reason()).isEqualTo("the signature was not made with this key");
    }

    @Test
    void anotherEd25519KeyIsAKeyMismatch() {
        DkimResult result = only(
                bytes("ed25519.eml"),
                "ed",
                DkimTestKey.ed25519("shop.example", "ed").publicKey());
        assertThat(result.status()).isEqualTo(Status.KEY_MISMATCH);
    }

    @Test
    void keyOfTheWrongTypeIsAKeyMismatch() {
        DkimResult result = only(bytes("ed25519.eml"), "ed", RSA);
        assertThat(result.status()).isEqualTo(Status.KEY_MISMATCH);
        assertThat(result.reason()).isEqualTo("the signature is ed25519-sha256 but the key is RSA");
    }

    @Test
    void expiredSignatureSaysWhen() {
        DkimResult result = only(bytes("rsa-expired.eml"), "rsa", RSA);
        assertThat(result.status()).isEqualTo(Status.EXPIRED);
        assertThat(result.reason()).startsWith("the signature expired at ").endsWith(" (x=)");
    }

    @Test
    void rsaSha1IsUnsupported() {
        DkimResult result = only(bytes("rsa-sha1.eml"), "rsa", RSA);
        assertThat(result.status()).isEqualTo(Status.UNSUPPORTED_ALGORITHM);
        assertThat(result.reason()).isEqualTo("a=rsa-sha1 is not supported (RFC 8301 forbids rsa-sha1)");
    }

    @Test
    void noSignatureForAnotherDomainOrSelector() {
        assertThat(DkimVerifier.verify(bytes("rsa-relaxed.eml"), "other.example", "rsa", RSA))
                .isEmpty();
        assertThat(DkimVerifier.verify(bytes("rsa-relaxed.eml"), "shop.example", "other", RSA))
                .isEmpty();
    }

    @Test
    void signedMessageVerifiesAfterATripThroughTheServer() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            client.reply();
            client.command("EHLO client.example");
            client.command("MAIL FROM:<billing@shop.example>");
            client.command("RCPT TO:<ada@example.com>");
            client.command("DATA");
            assertThat(client.command(new String(bytes("dual.eml"), StandardCharsets.ISO_8859_1) + "."))
                    .startsWith("250");
            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(DkimVerifier.verify(mail, "shop.example", "ed", ED25519))
                    .extracting(DkimResult::status)
                    .containsExactly(Status.PASS);
        }
    }

    @Test
    void testKeyTxtRecordRoundTrips() {
        DkimTestKey rsa = DkimTestKey.rsa("example.com", "s1");
        DkimTestKey ed = DkimTestKey.ed25519("example.com", "s2");
        assertThat(rsa.txtRecordName()).isEqualTo("s1._domainkey.example.com");
        assertThat(rsa.txtRecordValue()).startsWith("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        assertThat(DkimVerifier.publicKeyFromTxtRecord(rsa.txtRecordValue())).isEqualTo(rsa.publicKey());
        assertThat(ed.txtRecordValue()).startsWith("v=DKIM1; k=ed25519; p=").hasSize(22 + 44);
        assertThat(DkimVerifier.publicKeyFromTxtRecord(ed.txtRecordValue()).getEncoded())
                .isEqualTo(ed.publicKey().getEncoded());
        assertThat(rsa.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    private static DkimResult only(byte[] content, String selector, PublicKey key) {
        List<DkimResult> results = DkimVerifier.verify(content, "shop.example", selector, key);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static byte[] replace(byte[] content, String from, String to) {
        String s = new String(content, StandardCharsets.ISO_8859_1);
        assertThat(s).contains(from);
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] content, String more) {
        return (new String(content, StandardCharsets.ISO_8859_1) + more).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String name) {
        try (InputStream in = DkimVerifierTest.class.getResourceAsStream("/dkim/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.US_ASCII).strip();
    }
}
