package dev.smtpunit.lint;

import dev.smtpunit.internal.html.CanIEmailData;
import dev.smtpunit.internal.html.HtmlFeatures;
import dev.smtpunit.internal.html.HtmlTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTML_COMPATIBILITY: what it detects, how it judges the chosen clients, and what it says. */
class HtmlCompatibilityTest {
    private static final MailLint OUTLOOK =
            MailLint.of(LintRuleSet.HTML_COMPATIBILITY).withClients(EmailClients.of("outlook.windows"));

    static byte[] html(String html) {
        return ("From: news@shop.example\r\nTo: ada@example.com\r\nSubject: x\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n"
                        + "Message-ID: <1@shop.example>\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void flexIsAnErrorForOutlookOnWindowsWithTheVersionsAndWhereItIsUsed() {
        List<LintFinding> findings = OUTLOOK.check(html("<div style=\"display:flex\">a</div>"));
        assertThat(findings)
                .extracting(LintFinding::toString)
                .containsExactly(
                        "WARNING html.compat.css-display [caniemail (2026-05-13)] display (css-display) is partially supported by"
                                + " Outlook Windows 2007\u20132019 #4 #5 (#4: Buggy. `display:none` does not inherit to inner tables."
                                + " #5: Partial. Only supports `display:none` (but not on `<img>`).); used: \"display:flex\" in the style"
                                + " attribute of <div>; https://www.caniemail.com/features/css-display/ (line 7)",
                        "ERROR html.compat.css-display-flex [caniemail (2026-05-13)] display:flex (css-display-flex) is not supported"
                                + " by Outlook Windows 2007\u20132019; used: \"display:flex\" in the style attribute of <div>;"
                                + " https://www.caniemail.com/features/css-display-flex/ (line 7)");
    }

    @Test
    void partialSupportIsAWarningWithTheNoteOnlyWhenFullSupportIsRequired() {
        byte[] mail = html("<div style=\"display:flex\">a</div>");
        MailLint gmailAndroid =
                MailLint.of(LintRuleSet.HTML_COMPATIBILITY).withClients(EmailClients.of("gmail.android"));
        assertThat(gmailAndroid.check(mail))
                .extracting(LintFinding::toString)
                .containsExactly(
                        "WARNING html.compat.css-display [caniemail (2026-05-13)] display (css-display) is partially supported by"
                                + " Gmail Android 2021-12 #1 (#1: Partial. `flex`, `grid`, `flow-root`, `contents`, `inline flow-root`,"
                                + " `inline flex`, `inline grid`, `initial`, `revert`, `unset` are not supported with non Google"
                                + " accounts.); used: \"display:flex\" in the style attribute of <div>;"
                                + " https://www.caniemail.com/features/css-display/ (line 7)",
                        "WARNING html.compat.css-display-flex [caniemail (2026-05-13)] display:flex (css-display-flex) is partially"
                                + " supported by Gmail Android 2020-11\u20132026-03 #1 (#1: Not supported with non Google accounts.);"
                                + " used: \"display:flex\" in the style attribute of <div>;"
                                + " https://www.caniemail.com/features/css-display-flex/ (line 7)");
        assertThat(gmailAndroid
                        .withClients(EmailClients.of("gmail.android").requiring(EmailClients.Support.PARTIAL))
                        .check(mail))
                .isEmpty();
    }

    @Test
    void findsStyleSheetFeatures() {
        String css =
                "<style>/* c */ @media (prefers-color-scheme: dark) { .a.b > td:hover { color: var(--ink) !important; } }"
                        + " @font-face { font-family: X; src: url(https://x.example/f.woff2); } p ~ span, [dir] { width: calc(50% - 2rem) }"
                        + " a { color: #1e2e3e; background: url(https://x.example/12px.png) } .x { .y { margin: 0 } }</style>";
        Set<String> found = HtmlFeatures.detect(HtmlTokens.tokenize(css), null).keySet();
        assertThat(found)
                .containsOnly(
                        "html-style",
                        "css-comments",
                        "css-nesting",
                        "css-at-media",
                        "css-at-media-prefers-color-scheme",
                        "css-at-font-face",
                        "css-selector-class",
                        "css-selector-chaining",
                        "css-selector-child",
                        "css-selector-type",
                        "css-pseudo-class-hover",
                        "css-selector-general-sibling",
                        "css-selector-grouping",
                        "css-selector-attribute",
                        "css-important",
                        "css-variables",
                        "css-width",
                        "css-unit-calc",
                        "css-unit-percent",
                        "css-unit-rem",
                        "css-background",
                        "image-png",
                        "css-margin");
    }

    @Test
    void findsElementsAttributesLinksAndImageFormats() {
        String html =
                "<!DOCTYPE html><!-- note --><html lang=\"en\"><body><table role=\"presentation\" cellpadding=\"0\">"
                        + "<tr><td valign=\"top\"><a href=\"#top\">top</a> <a href=\"mailto:a@b.example\" target=\"_blank\">mail</a>"
                        + "<img src=\"https://x.example/a.webp?v=2\" alt=\"\" loading=\"lazy\"><img src=\"data:image/gif;base64,R0lG\" alt=\"\">"
                        + "<img src=\"cid:logo\" alt=\"\"><input type=\"checkbox\"><button>Go</button></td></tr></table></body></html>";
        Set<String> found = HtmlFeatures.detect(
                        HtmlTokens.tokenize(html), cid -> cid.equals("logo") ? "image/svg+xml" : null)
                .keySet();
        assertThat(found)
                .containsOnly(
                        "html-doctype",
                        "html-comments",
                        "html-lang",
                        "html-body",
                        "html-table",
                        "html-role",
                        "html-cellpadding",
                        "html-valign",
                        "html-anchor-links",
                        "html-mailto-links",
                        "html-target",
                        "html-img",
                        "image-webp",
                        "html-loading-attribute",
                        "image-base64",
                        "image-gif",
                        "image-svg",
                        "html-input-checkbox",
                        "html-button-submit");
    }

    @Test
    void brokenMarkupIsReadToItsEndWithoutFailing() {
        String html = "<div style=\"display:grid\"><p <b>x</b> <!-- never closed <span style='position:absolute'>";
        assertThat(HtmlFeatures.detect(HtmlTokens.tokenize(html), null).keySet())
                .containsExactly("html-div", "css-display", "css-display-grid", "html-p", "html-comments");
    }

    @Test
    void malformedSelectorsAndEscapesAreReadWithoutFailing() {
        byte[] mail = html("<style>a:: { color: red } p:not( { } [x</style><img src=\"cid:%pl\" alt=\"\">"
                + "<a href=\"https://x.example/?t=%zz\">https://x.example/</a>");
        assertThat(MailLint.of(LintRuleSet.HTML_COMPATIBILITY, LintRuleSet.CONTENT)
                        .withClients(EmailClients.of("outlook.windows"))
                        .check(mail))
                .extracting(LintFinding::ruleId)
                .contains("content.image.cid-missing", "html.compat.html-style");
        assertThat(new dev.smtpunit.MailLink("https://x.example/?t=%zz", "", "text/html", "").queryParameter("t"))
                .hasValue("%zz");
    }

    @Test
    void everyCaniemailFeatureIsDetectedExceptThoseTheHtmlCannotShow() {
        Set<String> all = new TreeSet<>(CanIEmailData.get().features.keySet());
        assertThat(all).hasSize(307);
        Set<String> undetected = new TreeSet<>(all);
        undetected.removeAll(HtmlFeatures.detectable());
        assertThat(undetected).containsExactly("bimi", "image-hdr");
        assertThat(all).containsAll(HtmlFeatures.detectable());
    }

    @Test
    void scoresEachFamilyOfTheChosenClients() {
        MailLint lint = MailLint.of(LintRuleSet.HTML_COMPATIBILITY)
                .withClients(EmailClients.of("apple-mail", "outlook.windows"));
        List<ClientScore> scores = lint.clientScores(html("<div style=\"display:flex\">a</div>"));
        assertThat(scores)
                .extracting(ClientScore::toString)
                .containsExactly(
                        "Apple Mail: 100.0% supported, 0.0% partial, 0.0% not supported (3 features)",
                        "Outlook: 33.3% supported, 33.3% partial, 33.3% not supported (3 features)");
    }

    @Test
    void anUnknownClientIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> EmailClients.of("outlook.linux"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown mail client \"outlook.linux\"; known: a family (gmail, outlook, yahoo,"
                        + " apple-mail,")
                .hasMessageContaining("outlook.windows");
    }

    @Test
    void aServerLintingWithTheseRulesRecordsTheFindingsInTheTranscript() throws Exception {
        try (dev.smtpunit.MockSmtpServer smtp = dev.smtpunit.MockSmtpServer.started(
                dev.smtpunit.SmtpServerOptions.builder().lint(OUTLOOK).build())) {
            String content = new String(html("<div style=\"display:flex\">a</div>"), StandardCharsets.UTF_8);
            assertThat(ReceiverProfileTest.send(smtp, content)).startsWith("250 ");
            assertThat(smtp.transcript().toString())
                    .contains("lint: 1 error(s), 1 warning(s); first: ERROR"
                            + " html.compat.css-display-flex [caniemail (2026-05-13)] display:flex (css-display-flex) is not supported"
                            + " by Outlook Windows 2007\u20132019;");
            assertThat(smtp.options().lintRules()).isEqualTo(OUTLOOK);
        }
    }

    @Test
    void isOffByDefault() {
        assertThat(LintRuleSet.defaults()).doesNotContain(LintRuleSet.HTML_COMPATIBILITY, LintRuleSet.CONTENT);
        assertThat(MailLint.of(LintRuleSet.HTML_COMPATIBILITY).clients()).isEqualTo(EmailClients.all());
        assertThat(MailLint.defaults().check(html("<div style=\"display:flex\">a</div>")))
                .isEmpty();
    }
}
