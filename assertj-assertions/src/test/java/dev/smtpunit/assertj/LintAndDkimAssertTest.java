package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.dkim.DkimTestKey;
import dev.smtpunit.lint.LintRuleSet;
import dev.smtpunit.lint.MailLint;
import dev.smtpunit.lint.ReceiverProfile;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.List;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lint, receiver-profile and DKIM assertions pass on real mail and fail with exact messages. */
class LintAndDkimAssertTest {
    private static final String MALFORMED = String.join(
                    "\r\n",
                    "From: App <app@example.com>",
                    "To: ada@example.com",
                    "Subject: Receipt",
                    "MIME-Version: 1.0",
                    "Content-Type: multipart/mixed; boundary=\"b1\"",
                    "",
                    "--b1",
                    "Content-Type: text/plain",
                    "",
                    "Thanks for your order.",
                    "")
            + "\r\n";
    private static final DkimTestKey KEY = DkimTestKey.rsa("example.com", "s2026");

    private static MockSmtpServer smtp;
    private static ReceivedMessage clean;
    private static ReceivedMessage malformed;
    private static ReceivedMessage signed;

    @BeforeAll
    static void send() throws Exception {
        smtp = new MockSmtpServer().start();
        Send.text(smtp, "app@example.com", "ada@example.com", "Welcome, Ada", "Please confirm your address.");
        Session session = Session.getInstance(smtp.properties());
        MimeMessage raw =
                new MimeMessage(session, new ByteArrayInputStream(MALFORMED.getBytes(StandardCharsets.US_ASCII)));
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(raw, InternetAddress.parse("ada@example.com"));
        }
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("news@example.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        m.setSubject("Signed news");
        m.setText("Signed by Simple Java Mail's DKIM module.\n");
        DkimSigner signer = new DkimSigner("example.com", "s2026", (RSAPrivateKey) KEY.privateKey());
        signer.setCheckDomainKey(false);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        Transport.send(new DkimMessage(m, signer));
        List<ReceivedMessage> all = smtp.mailbox().awaitMessages(3, Duration.ofSeconds(5));
        clean = all.get(0);
        malformed = all.get(1);
        signed = all.get(2);
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    private static String line(ReceivedMessage m) {
        return m.summary();
    }

    @Test
    void passesOnCleanAndSignedMail() {
        assertThat(clean)
                .isWellFormed()
                .hasNoLintErrors()
                .isAcceptedBy(ReceiverProfile.GMAIL)
                .isAcceptedBy(ReceiverProfile.STRICT_RFC);
        assertThat(signed)
                .hasNoLintErrors()
                .hasValidDkimSignature("example.com", "s2026", KEY.publicKey())
                .hasDkimSignature("example.com");
        assertThat(malformed)
                .hasLintFinding("mime.boundary.not-closed")
                .hasLintFinding("bulk.list-unsubscribe.missing");
    }

    @Test
    void isWellFormedListsEveryFindingWithClauseAndLocation() {
        assertThatThrownBy(() -> assertThat(malformed).isWellFormed())
                .hasMessage(String.format("%nExpecting message:%n  "
                        + line(malformed) + "%nto be well formed%nbut lint found 4 problems:"
                        + "%n  ERROR header.date.missing [RFC 5322 section 3.6] the Date field is missing; every message must have one (header Date)"
                        + "%n  ERROR header.message-id.missing [RFC 5322 section 3.6.4; required by Gmail (https://support.google.com/a/answer/3726730)]"
                        + " the Message-ID field is missing; large receivers refuse such mail (header Message-ID)"
                        + "%n  WARNING mime.charset.missing [RFC 2046 section 4.1.2; RFC 6657 section 4] text/plain declares no charset;"
                        + " name it, for example charset=UTF-8 (header Content-Type, part 1, line 8)"
                        + "%n  ERROR mime.boundary.not-closed [RFC 2046 section 5.1.1] the multipart is never closed with \"--b1--\""
                        + " (header Content-Type, line 11)"));
    }

    @Test
    void hasNoLintErrorsWithBulkSenderRules() {
        assertThatThrownBy(() -> assertThat(clean).hasNoLintErrors(MailLint.of(LintRuleSet.BULK_SENDER)))
                .hasMessage(String.format(
                        "%nExpecting message:%n  " + line(clean) + "%nto have no lint errors%nbut lint found 1 error:"
                                + "%n  ERROR bulk.list-unsubscribe.missing [RFC 8058 section 3.1; Gmail sender guidelines"
                                + " (https://support.google.com/mail/answer/81126)] bulk mail needs a List-Unsubscribe field with an"
                                + " HTTPS URI (header List-Unsubscribe)"));
    }

    @Test
    void hasLintFindingSaysWhatWasFound() {
        assertThatThrownBy(() -> assertThat(signed).hasLintFinding("header.bcc.leak"))
                .hasMessageContaining(
                        "to have lint finding:%n  header.bcc.leak%nbut lint found only:%n  ERROR bulk.list-unsubscribe.missing"
                                .replace("%n", System.lineSeparator()));
    }

    @Test
    void isAcceptedByNamesTheReplyAndTheRule() {
        assertThatThrownBy(() -> assertThat(malformed).isAcceptedBy(ReceiverProfile.GMAIL))
                .hasMessage(String.format(
                        "%nExpecting message:%n  " + line(malformed) + "%nto be accepted by GMAIL%nbut it would reply:"
                                + "%n  550 5.7.1 Messages missing a valid Message-ID: header are not accepted. For more information,"
                                + " go to Email sender guidelines and review RFC 5322 specifications. - gsmtp"
                                + "%nbecause of rule header.message-id.missing:"
                                + "%n  ERROR header.message-id.missing [RFC 5322 section 3.6.4; required by Gmail"
                                + " (https://support.google.com/a/answer/3726730)] the Message-ID field is missing; large receivers"
                                + " refuse such mail (header Message-ID)"));
    }

    @Test
    void afterANavigationTheyNarrowTheCandidatesLikeTheOtherAssertions() {
        assertThat(smtp)
                .hasMessageTo("ada@example.com")
                .hasLintFinding("mime.boundary.not-closed")
                .hasSubject("Receipt");
        assertThat(smtp).hasMessageTo("ada@example.com").isWellFormed().hasSubject("Welcome, Ada");
        assertThat(smtp).hasMessageTo("ada@example.com").hasNoLintErrors().hasSubject("Signed news");
        assertThat(smtp.mailbox())
                .hasMessageFrom("app@example.com")
                .isAcceptedBy(ReceiverProfile.GMAIL)
                .hasSubject("Welcome, Ada");
        assertThat(smtp)
                .hasMessageTo("ada@example.com")
                .hasValidDkimSignature("example.com", "s2026", KEY.publicKey())
                .hasDkimSignature("example.com")
                .hasSubject("Signed news");
        assertThatThrownBy(() -> assertThat(smtp)
                        .hasMessageTo("ada@example.com")
                        .hasSubject("Receipt")
                        .isWellFormed())
                .hasMessageStartingWith(String.format("%nExpecting message:%n  " + line(malformed)
                        + "%nto be well formed%nbut lint found 4 problems:%n  ERROR header.date.missing"));
    }

    @Test
    void aFailureAfterANavigationListsEveryCandidateWithItsFindings() {
        MailLint all = MailLint.of(java.util.EnumSet.allOf(LintRuleSet.class));
        assertThatThrownBy(() -> assertThat(smtp.mailbox())
                        .hasMessageFrom("app@example.com")
                        .hasLintFinding("header.bcc.leak"))
                .hasMessage(
                        String.format("%nExpecting one of the 2 messages from <app@example.com> to have lint finding:%n"
                                + "  header.bcc.leak%nbut none does:%n  1. " + line(clean)
                                + "%n     but lint found only:" + indented(all, clean)
                                + "%n  2. " + line(malformed) + "%n     but lint found only:"
                                + indented(all, malformed)));
        assertThatThrownBy(() -> assertThat(smtp.mailbox())
                        .hasMessageFrom("app@example.com")
                        .isAcceptedBy(ReceiverProfile.STRICT_RFC)
                        .hasSubject("Receipt"))
                .hasMessageStartingWith(String.format("%nExpecting message:%n  " + line(clean)
                        + "%nto have subject:%n  \"Receipt\"%nbut was:%n  \"Welcome, Ada\""));
    }

    /** One finding prints on the line of "but lint found only:", several below it. */
    private static String indented(MailLint lint, ReceivedMessage m) {
        List<dev.smtpunit.lint.LintFinding> findings = lint.check(m);
        return findings.size() == 1
                ? " " + findings.get(0)
                : findings.stream().map(f -> "%n       " + f).collect(java.util.stream.Collectors.joining());
    }

    @Test
    void hasValidDkimSignatureSaysWhyTheKeyFails() {
        DkimTestKey other = DkimTestKey.rsa("example.com", "s2026");
        assertThatThrownBy(() -> assertThat(signed).hasValidDkimSignature("example.com", "s2026", other.publicKey()))
                .hasMessageStartingWith(String.format("%nExpecting message:%n  " + line(signed)
                        + "%nto have a valid DKIM signature d=example.com s=s2026%nbut it does not verify:%n  KEY_MISMATCH (d=example.com"
                        + " s=s2026 a=rsa-sha256 c=relaxed/relaxed h="))
                .hasMessageEndingWith("): the signature was not made with this key");
    }

    @Test
    void hasValidDkimSignatureListsTheSignaturesThereAre() {
        assertThatThrownBy(() -> assertThat(signed).hasValidDkimSignature("example.org", "s2026", KEY.publicKey()))
                .hasMessageContaining("but it has no DKIM-Signature with d=example.org s=s2026; its signatures:")
                .hasMessageContaining("BODY_HASH_VERIFIED (d=example.com s=s2026 a=rsa-sha256");
        assertThatThrownBy(() -> assertThat(clean).hasDkimSignature("example.com"))
                .hasMessage(String.format("%nExpecting message:%n  " + line(clean)
                        + "%nto have a DKIM signature d=example.com with a matching body hash"
                        + "%nbut it has no DKIM-Signature with d=example.com; it has no DKIM-Signature at all"));
    }
}
