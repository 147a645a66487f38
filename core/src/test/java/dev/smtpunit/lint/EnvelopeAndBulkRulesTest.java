package dev.smtpunit.lint;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules that compare content with the envelope, and the opt-in bulk-sender rules. */
class EnvelopeAndBulkRulesTest {
    private static final String CLEAN = new String(LintCorpusTest.read("clean.eml"), StandardCharsets.ISO_8859_1);
    private static final byte[] EIGHT_BIT = LintCorpusTest.read("8bit-without-8bitmime.eml");
    private static final byte[] UTF8_SUBJECT = LintCorpusTest.read("raw-utf8-subject.eml");

    @Test
    void eightBitContentIsFineUnderBody8bitmime() {
        assertThat(ids(MailLint.defaults().check(EIGHT_BIT, "billing@shop.example", Map.of("BODY", "8BITMIME"))))
                .isEmpty();
        assertThat(ids(MailLint.defaults().check(EIGHT_BIT, "billing@shop.example", Map.of())))
                .containsExactly("envelope.8bit-without-8bitmime");
    }

    @Test
    void rawUtf8HeaderIsFineUnderSmtputf8ButMustBeValidUtf8() {
        Map<String, String> utf8 = Map.of("SMTPUTF8", "", "BODY", "8BITMIME");
        assertThat(ids(MailLint.defaults().check(UTF8_SUBJECT, "billing@shop.example", utf8)))
                .isEmpty();
        byte[] latin1 = CLEAN.replace("Subject: Your receipt", "Subject: Best\u00e4tigung")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ids(MailLint.defaults().check(latin1, "billing@shop.example", utf8)))
                .containsExactly("header.utf8.invalid");
    }

    @Test
    void fromDomainNotAlignedWithTheEnvelopeSenderIsAWarning() {
        byte[] content = CLEAN.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MailLint.defaults().check(content, "bounces@mail.shop.example", Map.of()))
                .isEmpty();
        List<LintFinding> findings = MailLint.defaults().check(content, "bounces@esp.example", Map.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("envelope.from-alignment");
            assertThat(f.severity()).isEqualTo(LintFinding.Severity.WARNING);
            assertThat(f.message())
                    .isEqualTo("the From domain shop.example does not align with the envelope sender's"
                            + " domain esp.example; DMARC checks with SPF will fail");
            assertThat(f.location()).isEqualTo("header From, line 3");
        });
        assertThat(MailLint.defaults().check(content, "", Map.of()))
                .as("null sender: nothing to align")
                .isEmpty();
    }

    @Test
    void bulkSenderRulesAreOptIn() {
        byte[] content = CLEAN.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MailLint.defaults().check(content)).isEmpty();
        assertThat(ids(MailLint.of(LintRuleSet.BULK_SENDER).check(content)))
                .containsExactly("bulk.list-unsubscribe.missing");
    }

    @Test
    void oneClickUnsubscribeNeedsHttpsPostAndADkimSignatureCoveringBoth() {
        String mailtoOnly = CLEAN.replace(
                "MIME-Version: 1.0\r\n", "MIME-Version: 1.0\r\nList-Unsubscribe: <mailto:u@shop.example>\r\n");
        assertThat(ids(MailLint.of(LintRuleSet.BULK_SENDER).check(mailtoOnly.getBytes(StandardCharsets.ISO_8859_1))))
                .containsExactlyInAnyOrder(
                        "bulk.list-unsubscribe.https", "bulk.list-unsubscribe-post", "bulk.list-unsubscribe.unsigned");
        String oneClick =
                "DKIM-Signature: v=1; a=rsa-sha256; d=shop.example; s=s1;\r\n h=from:to:subject:list-unsubscribe:"
                        + "list-unsubscribe-post; bh=AAAA; b=AAAA\r\n"
                        + CLEAN.replace(
                                "MIME-Version: 1.0\r\n",
                                "MIME-Version: 1.0\r\n"
                                        + "List-Unsubscribe: <https://shop.example/u/42>, <mailto:u@shop.example>\r\n"
                                        + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        assertThat(MailLint.of(LintRuleSet.BULK_SENDER).check(oneClick.getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
    }

    @Test
    void manyOccurrencesOfOneProblemAreCappedWithACount() {
        String longLines = CLEAN.replace("Example Shop\r\n", ("x".repeat(1000) + "\r\n").repeat(8));
        List<LintFinding> findings = MailLint.defaults().check(longLines.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(ids(findings)).containsOnly("line.too-long").hasSize(6);
        assertThat(findings.subList(0, 5)).extracting(LintFinding::line).containsExactly(22, 23, 24, 25, 26);
        assertThat(findings.get(5).message()).isEqualTo("3 more occurrences of this problem not listed");
        assertThat(findings.get(5).line()).isZero();
    }

    @Test
    void oneOccurrenceBeyondTheCapIsListedNotSummedUp() {
        String longLines = CLEAN.replace("Example Shop\r\n", ("x".repeat(1000) + "\r\n").repeat(6));
        List<LintFinding> findings = MailLint.defaults().check(longLines.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(findings).extracting(LintFinding::line).containsExactly(22, 23, 24, 25, 26, 27);
        assertThat(findings).extracting(LintFinding::message).noneMatch(m -> m.contains("more occurrences"));
    }

    @Test
    void ofNeedsAtLeastOneRuleSet() {
        assertThatThrownBy(MailLint::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name at least one rule set, for example LintRuleSet.RFC5322");
    }

    private static List<String> ids(List<LintFinding> findings) {
        return findings.stream().map(LintFinding::ruleId).toList();
    }
}
