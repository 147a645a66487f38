package dev.smtpunit.lint;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CONTENT: what the recipient sees, with exact messages. */
class ContentRulesTest {
    private static final MailLint CONTENT = MailLint.of(LintRuleSet.CONTENT);
    private static final String HEAD = "From: news@shop.example\r\nTo: ada@example.com\r\nSubject: x\r\n"
            + "Date: Mon, 7 Dec 2026 10:00:00 +0000\r\nMessage-ID: <1@shop.example>\r\nMIME-Version: 1.0\r\n";

    private static byte[] alternative(String extraHeaders, String html) {
        return (HEAD + extraHeaders + "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello Ada\r\n--b\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                        + html + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> findings(byte[] mail) {
        return CONTENT.check(mail).stream().map(LintFinding::toString).toList();
    }

    @Test
    void aCleanMailWithTextAlternativeHttpsLinksAndAltTextHasNoFinding() {
        assertThat(
                        findings(
                                alternative(
                                        "",
                                        "<p>Hi <a href=\"https://shop.example/a?b=c\">your account</a>"
                                                + " <img src=\"https://shop.example/l.png\" alt=\"Shop\"> <a href=\"mailto:help@shop.example\">help</a></p>")))
                .isEmpty();
    }

    @Test
    void gmailClipsHtmlOver102Kilobytes() {
        String big = "<p>" + "x".repeat(110_000) + "</p>";
        assertThat(findings(alternative("", big)))
                .containsExactly("WARNING content.gmail-clip [Gmail clips HTML over about"
                        + " 102 KB (observed behaviour, not in Google's help)] the HTML part is 110,007 bytes (107.4 KB); Gmail clips"
                        + " beyond 104,448 bytes (102 KB) and hides the rest, unsubscribe link included, behind \"View entire"
                        + " message\" (part 2, line 14)");
        assertThat(findings(alternative("", "<p>" + "x".repeat(104_441) + "</p>")))
                .isEmpty();
    }

    @Test
    void imagesWithoutAltAndCidReferencesWithoutAPart() {
        byte[] mail = (HEAD + "Content-Type: multipart/related; boundary=r\r\n\r\n--r\r\n"
                        + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Hi</p><img src=\"cid:logo@shop.example\" alt=\"Shop\">"
                        + "<img src=\"cid:banner@shop.example\">\r\n--r\r\nContent-Type: image/png\r\nContent-ID: <logo@shop.example>\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--r--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(findings(mail))
                .containsExactly(
                        "WARNING content.html.no-text-alternative [RFC 2046 section 5.1.4; spam filters score HTML-only mail] the"
                                + " HTML part has no text/plain alternative (multipart/alternative with a text/plain part first)"
                                + " (part 1, line 10)",
                        "WARNING content.image.alt-missing [WCAG 2.1 success criterion 1.1.1; HTML section 4.8.4.4] <img"
                                + " src=\"cid:banner@shop.example\"> has no alt attribute; a client that blocks images shows nothing"
                                + " in its place (use alt=\"\" for a decorative image) (part 1, line 10)",
                        "ERROR content.image.cid-missing [RFC 2392 section 2] cid:banner@shop.example names no part of the message"
                                + " (no Content-ID <banner@shop.example>); the image shows broken (part 1, line 10)");
    }

    @Test
    void imageOnlyMailHasNoTextForThoseWhoBlockImages() {
        byte[] mail = (HEAD
                        + "Content-Type: text/html; charset=UTF-8\r\n\r\n<table><tr><td><img src=\"https://shop.example"
                        + "/sale.png\" alt=\"\"></td></tr></table>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(CONTENT.check(mail))
                .extracting(LintFinding::ruleId)
                .containsExactly("content.images.no-text", "content.html.no-text-alternative");
        assertThat(CONTENT.check(mail).get(0).message())
                .isEqualTo("the message shows images but no text (no text/plain part"
                        + " and no visible text in the HTML); recipients who block images see nothing");
    }

    @Test
    void linksThatGoNowhereAreInsecureOrShowAnotherUrl() {
        assertThat(findings(alternative(
                        "",
                        "<a href=\"/account\">Account</a> <a href=\"http://shop.example/x\">x</a>"
                                + " <a href=\"https://evil.example/login\">https://bank.example/login</a>"
                                + " <a href=\"https://shop.example/\">www.shop.example</a> <a href=\"https://nodejs.org/\">Node.js</a>"
                                + " <a href=\"mailto:?subject=Help\">Write</a>"
                                + " <a href=\"#top\">top</a>")))
                .containsExactly(
                        "ERROR link.relative [RFC 3986 section 5.1 (a mail has no base URI)] <a href=\"/account\"> is not an"
                                + " absolute URL; in a mail it leads nowhere (part 2, line 14)",
                        "WARNING link.http [mail clients and browsers flag http: links as not secure] <a href=\"http://shop.example/x\">"
                                + " uses http:; use https: (part 2, line 14)",
                        "WARNING link.text-mismatch [phishing heuristics of mailbox providers] the link text"
                                + " \"https://bank.example/login\" shows bank.example but the link goes to evil.example (part 2, line 14)",
                        "ERROR link.mailto.empty [RFC 6068 section 2] <a href=\"mailto:?subject=Help\"> names no address; the"
                                + " reader's mail program opens a message to nobody (part 2, line 14)");
    }

    @Test
    void listUnsubscribeThatTheBodyDoesNotUse() {
        String body = "<p><a href=\"https://shop.example/unsubscribe?u=1\">Unsubscribe</a></p>";
        assertThat(findings(alternative(
                        "List-Unsubscribe: <https://lists.shop.example/u/1>, <mailto:u@shop.example>\r\n", body)))
                .containsExactly(
                        "WARNING link.unsubscribe.mismatch [RFC 2369 section 3.2; RFC 8058 section 3.1]"
                                + " List-Unsubscribe names https://lists.shop.example/u/1 but the body's unsubscribe link is"
                                + " https://shop.example/unsubscribe?u=1; one of them is probably stale (header List-Unsubscribe, line 7)");
        assertThat(findings(alternative("List-Unsubscribe: <https://shop.example/unsubscribe?u=1>\r\n", body)))
                .isEmpty();
    }
}
