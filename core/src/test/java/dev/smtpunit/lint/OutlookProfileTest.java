package dev.smtpunit.lint;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OUTLOOK refuses, with Outlook.com's 550 5.7.515, mail that cannot pass its DKIM and DMARC requirements. */
class OutlookProfileTest {
    /** Signed by dkimpy with d=shop.example, From billing@shop.example (core/src/test/resources/dkim). */
    private static final String SIGNED = read("rsa-relaxed.eml");

    private static final String REPLY =
            "550 5.7.515 Access denied, sending domain shop.example does not meet the required"
                    + " authentication level.";

    @Test
    void acceptsMailWithAnAlignedDkimSignatureWhoseBodyHashMatches() {
        assertThat(ReceiverProfile.OUTLOOK.check(bytes(SIGNED), "billing@shop.example", Map.of()))
                .isEmpty();
    }

    @Test
    void refusesUnsignedMailOverTheWire() throws Exception {
        String unsigned = SIGNED.substring(SIGNED.indexOf("From:"));
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .receiverProfile(ReceiverProfile.OUTLOOK)
                .build())) {
            assertThat(ReceiverProfileTest.send(smtp, unsigned)).isEqualTo(REPLY);
            assertThat(smtp.mailbox().messages()).isEmpty();
            assertThat(smtp.transcript().toString())
                    .contains("receiver profile OUTLOOK refused the message: rule"
                            + " outlook.dkim.missing: the message has no DKIM-Signature; Outlook.com requires DKIM to pass for"
                            + " high-volume senders");
        }
    }

    @Test
    void refusesASignatureWhoseBodyChanged() {
        ReceiverRejection r = ReceiverProfile.OUTLOOK
                .check(bytes(SIGNED.replace("\r\n\r\n", "\r\n\r\nChanged. ")), "billing@shop.example", Map.of())
                .orElseThrow();
        assertThat(r.reply()).isEqualTo(REPLY);
        assertThat(r.ruleId()).isEqualTo("outlook.dkim.invalid");
        assertThat(r.finding()).startsWith("no DKIM-Signature can pass: BODY_HASH_MISMATCH");
    }

    @Test
    void refusesWhenNeitherSignatureNorEnvelopeAlignsWithFrom() {
        String otherFrom =
                SIGNED.replace("From: Example Shop <billing@shop.example>", "From: Example Shop <news@brand.example>");
        ReceiverRejection r = ReceiverProfile.OUTLOOK
                .check(bytes(otherFrom), "bounces@mailer.example", Map.of())
                .orElseThrow();
        assertThat(r.reply())
                .isEqualTo("550 5.7.515 Access denied, sending domain brand.example does not meet the required"
                        + " authentication level.");
        assertThat(r.finding())
                .isEqualTo("neither a DKIM signature (d=shop.example) nor the envelope sender (mailer.example)"
                        + " is aligned with the From domain brand.example, so DMARC fails");
    }

    @Test
    void anEnvelopeSenderOfTheFromDomainAlignsAsSpfWould() {
        String otherFrom =
                SIGNED.replace("From: Example Shop <billing@shop.example>", "From: Example Shop <news@brand.example>");
        assertThat(ReceiverProfile.OUTLOOK.check(bytes(otherFrom), "bounces@mail.brand.example", Map.of()))
                .isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String read(String name) {
        try (InputStream in = OutlookProfileTest.class.getResourceAsStream("/dkim/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
