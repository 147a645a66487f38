package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The views of messages sent byte for byte: internationalised headers, encoded words and parameters,
 * and bodies that cannot be decoded, which must not take the header views down with them.
 */
class MimeViewsTest {
    private static final String STILL_WORKS =
            "; the header views (subject(), from(), headers(...)) and rawContent() still work";
    private static MockSmtpServer smtp;

    @BeforeAll
    static void start() {
        // SMTPUTF8 declared in every transaction: UTF-8 header fields need it (RFC 6532 section 3)
        smtp = new MockSmtpServer(SmtpServerOptions.builder()
                        .advertiseExtensions("SMTPUTF8")
                        .build())
                .start();
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    /** Sends the content (UTF-8 bytes, lines joined with CRLF) and returns what was stored. */
    private static ReceivedMessage deliver(String... lines) throws IOException {
        smtp.reset();
        String content = String.join("\r\n", lines) + "\r\n";
        try (RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            client.reply();
            client.command("EHLO client.example");
            assertThat(client.command("MAIL FROM:<app@example.com> SMTPUTF8")).startsWith("250");
            assertThat(client.command("RCPT TO:<ada@example.com>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.sendRaw(new String(content.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            assertThat(client.command(".")).startsWith("250");
            client.command("QUIT");
        }
        return smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
    }

    @Test
    void readsUtf8HeadersAndEncodedWords() throws IOException {
        ReceivedMessage mail = deliver(
                "From: =?UTF-8?Q?Ad=C3=A9?= <adé@exämple.com>",
                "To: \"Zoë, Q.\" <zoë@example.org>, undisclosed:;, bob@example.com",
                "Subject: Grüße =?UTF-8?B?w6TDtg==?= und",
                " mehr",
                "X-Note: café",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                "Grüße ✓");

        assertThat(mail.subject()).isEqualTo("Grüße äö und mehr");
        assertThat(mail.from()).containsExactly("adé@exämple.com");
        assertThat(mail.to()).containsExactly("zoë@example.org", "bob@example.com");
        assertThat(mail.headers("x-note")).containsExactly("café");
        assertThat(mail.header("From")).hasValue("Adé <adé@exämple.com>");
        assertThat(mail.textBody()).hasValue("Grüße ✓\r\n");
        assertThat(mail.contentType()).isEqualTo("text/plain");
        assertThat(mail.isMultipart()).isFalse();
    }

    @Test
    void decodesTransferEncodingsCharsetsAndRfc2231FileNames() throws IOException {
        ReceivedMessage mail = deliver(
                "Subject: report",
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "",
                "--outer",
                "Content-Type: multipart/alternative; boundary=inner",
                "",
                "--inner",
                "Content-Type: text/plain; charset=ISO-8859-1",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Gr=FC=DFe, a long line=",
                " continued",
                "--inner",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                "PHA+R3LDvMOfZTwvcD4=",
                "--inner--",
                "--outer",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                "JVBERi0xLjQ=",
                "--outer",
                "Content-Type: text/plain; name=\"=?UTF-8?Q?notes_=C3=A9t=C3=A9.txt?=\"",
                "",
                "inline but named",
                "--outer--");

        assertThat(mail.textBody()).hasValue("Grüße, a long line continued");
        assertThat(mail.htmlBody()).hasValue("<p>Grüße</p>");
        assertThat(mail.attachments())
                .extracting(Attachment::fileName, Attachment::contentType, Attachment::contentAsString)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Résumé.pdf", "application/pdf", "%PDF-1.4"),
                        org.assertj.core.groups.Tuple.tuple("notes été.txt", "text/plain", "inline but named"));
        assertThat(mail.contentType()).isEqualTo("multipart/mixed");
    }

    @Test
    void walksIntoAForwardedMessageButKeepsAnAttachedOneAsBytes() throws IOException {
        ReceivedMessage mail = deliver(
                "Subject: Fwd",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: message/rfc822",
                "",
                "Subject: inner",
                "Content-Type: text/html",
                "",
                "<b>forwarded</b>",
                "--b",
                "Content-Type: message/rfc822",
                "Content-Disposition: attachment; filename=original.eml",
                "",
                "Subject: attached",
                "",
                "kept as it is",
                "--b--");

        assertThat(mail.htmlBody()).hasValue("<b>forwarded</b>");
        assertThat(mail.textBody()).isEmpty();
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("original.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
            assertThat(a.contentAsString()).isEqualTo("Subject: attached\r\n\r\nkept as it is");
        });
    }

    @Test
    void aBrokenAttachmentFailsOnlyTheAttachmentsNamingThePart() throws IOException {
        ReceivedMessage mail = deliver(
                "From: app@example.com",
                "Subject: Invoice 42",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "See the attachment.",
                "--b",
                "Content-Type: application/pdf; name=invoice.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                "JVBER!!!i0xLjQ=",
                "--b--");

        assertThat(mail.subject()).isEqualTo("Invoice 42");
        assertThat(mail.from()).containsExactly("app@example.com");
        assertThat(mail.textBody()).hasValue("See the attachment.");
        assertThat(mail)
                .hasToString("ReceivedMessage[Subject: \"Invoice 42\", envelope from=<"
                        + mail.envelope().sender() + "> to=" + mail.envelope().recipientAddresses() + ", " + mail.size()
                        + " bytes]");
        assertThatThrownBy(mail::attachments)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "the attachments cannot be read: part 2 (application/pdf \"invoice.pdf\") cannot be decoded from base64: "
                                + "Unexpected base64 byte" + STILL_WORKS);
    }

    @Test
    void aTextPartInAnUnknownCharsetFailsTheTextBodyOnly() throws IOException {
        ReceivedMessage mail = deliver(
                "Subject: odd",
                "Content-Type: multipart/alternative; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain; charset=x-no-such-charset",
                "",
                "text",
                "--b",
                "Content-Type: text/html",
                "",
                "<p>html</p>",
                "--b--");

        assertThat(mail.htmlBody()).hasValue("<p>html</p>");
        assertThat(mail.attachments()).isEmpty();
        assertThatThrownBy(mail::textBody)
                .hasMessage("the text body cannot be read: part 1 (text/plain) is in charset \"x-no-such-charset\", "
                        + "which this JVM does not know" + STILL_WORKS);
    }

    @Test
    void aMultipartWhoseBoundaryNeverAppearsFailsTheBodyViewsButNotTheHeader() throws IOException {
        ReceivedMessage mail = deliver(
                "Subject: half written",
                "Content-Type: multipart/mixed; boundary=\"never-used\"",
                "",
                "just text, no parts");

        assertThat(mail.subject()).isEqualTo("half written");
        assertThat(mail.isMultipart()).isTrue();
        assertThat(mail.rawContent()).endsWith("just text, no parts\r\n");
        String broken = "the body (multipart/mixed): the boundary \"never-used\" never appears, so it has no parts";
        assertThatThrownBy(mail::textBody).hasMessage("the text body cannot be read: " + broken + STILL_WORKS);
        assertThatThrownBy(mail::htmlBody).hasMessage("the HTML body cannot be read: " + broken + STILL_WORKS);
        assertThatThrownBy(mail::attachments).hasMessage("the attachments cannot be read: " + broken + STILL_WORKS);
    }

    @Test
    void aMultipartWithoutBoundaryAndAnUnknownTransferEncodingAreNamed() throws IOException {
        ReceivedMessage noBoundary = deliver("Subject: a", "Content-Type: multipart/mixed", "", "body");
        assertThatThrownBy(noBoundary::textBody)
                .hasMessage("the text body cannot be read: the body (multipart/mixed) has no boundary parameter"
                        + STILL_WORKS);

        ReceivedMessage unknownEncoding = deliver("Subject: b", "Content-Transfer-Encoding: x-rot13", "", "obql");
        assertThat(unknownEncoding.subject()).isEqualTo("b");
        assertThatThrownBy(unknownEncoding::textBody)
                .hasMessage("the text body cannot be read: the body (text/plain) cannot be decoded from x-rot13: "
                        + "unknown Content-Transfer-Encoding \"x-rot13\"" + STILL_WORKS);
    }

    @Test
    void anAddressHeaderThatIsNotAnAddressListIsNamed() throws IOException {
        ReceivedMessage mail =
                deliver("To: Ada Lovelace ada@example.com", "Cc: <bob@example.com>", "Subject: s", "", "x");

        assertThat(mail.subject()).isEqualTo("s");
        assertThat(mail.cc()).containsExactly("bob@example.com");
        assertThat(mail.from()).isEmpty();
        assertThatThrownBy(mail::to)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("header To holds an address that cannot be parsed: \"Ada Lovelace ada@example.com\" "
                        + "(Words in local part must be separated by '.')");
    }

    @Test
    void aMessageWithoutHeaderOrContentTypeIsPlainText() throws IOException {
        ReceivedMessage mail = deliver("", "only a body");

        assertThat(mail.subject()).isEmpty();
        assertThat(mail.headers("Subject")).isEmpty();
        assertThat(mail.contentType()).isEqualTo("text/plain");
        assertThat(mail.textBody()).hasValue("only a body\r\n");
    }
}
