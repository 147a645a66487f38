package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every message assertion passes on a real mail and fails with an exact message. */
class ReceivedMessageAssertTest {
    private static MockSmtpServer smtp;
    private static ReceivedMessage plain;
    private static ReceivedMessage invoice;
    private static String plainLine;

    @BeforeAll
    static void send() throws Exception {
        smtp = new MockSmtpServer().start();
        Send.text(
                smtp,
                "app@example.com",
                "ada@example.com",
                "Welcome, Ada",
                "Please confirm your address.\nCode: 123456");
        Send.withAttachment(smtp);
        var all = smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5));
        plain = all.get(0);
        invoice = all.get(1);
        plainLine = "Subject: \"Welcome, Ada\", envelope from=<app@example.com> to=[ada@example.com], " + plain.size()
                + " bytes";
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    private static String expected(String line, String what, String expected, String was) {
        return String.format(
                "%nExpecting message:%n  " + line + "%nto have " + what + ":%n  " + expected + "%nbut was:%n  " + was);
    }

    @Test
    void passesOnWhatTheMessageHas() {
        assertThat(plain)
                .hasSubject("Welcome, Ada")
                .hasSubjectContaining("Ada")
                .isFrom("app@example.com")
                .hasTo("ada@example.com")
                .hasCc()
                .hasEnvelopeSender("app@example.com")
                .hasEnvelopeRecipients("ada@example.com")
                .hasEnvelopeRecipientsContaining("ada@example.com")
                .hasHeader("X-Campaign")
                .hasHeader("X-Campaign", "spring")
                .hasTextBody("Please confirm your address.\nCode: 123456")
                .hasTextBodyContaining("confirm")
                .hasTextBodyMatching("Code: \\d{6}")
                .hasAttachmentCount(0)
                .isNotMultipart()
                .hasSizeAtMost(10_000)
                .wasDeliveredInPlainText();
        assertThat(invoice)
                .isMultipart()
                .hasHtmlBody("<p>Your invoice</p>")
                .hasHtmlBodyContaining("invoice")
                .hasHtmlBodyMatching("<p>.*</p>")
                .hasAttachment("invoice.csv")
                .hasAttachment("invoice.csv", "text/csv")
                .hasAttachmentWithContent("invoice.csv", "a,b\r\n1,2\r\n".getBytes(StandardCharsets.US_ASCII))
                .hasAttachmentCount(1)
                .hasCc("boss@example.com");
    }

    @Test
    void hasSubjectFailsWithExpectedAndActual() {
        assertThatThrownBy(() -> assertThat(plain).hasSubject("Welcome, Bob"))
                .hasMessage(expected(plainLine, "subject", "\"Welcome, Bob\"", "\"Welcome, Ada\""));
    }

    @Test
    void envelopeAssertionsFailWithTheEnvelope() {
        assertThatThrownBy(() -> assertThat(plain).hasEnvelopeRecipients("bob@example.com"))
                .hasMessage(expected(
                        plainLine,
                        "envelope recipients (RCPT TO), in order",
                        "[\"bob@example.com\"]",
                        "[\"ada@example.com\"]"));
        assertThatThrownBy(() -> assertThat(plain).hasEnvelopeSender("other@example.com"))
                .hasMessage(expected(
                        plainLine, "envelope sender (MAIL FROM)", "\"other@example.com\"", "\"app@example.com\""));
    }

    @Test
    void bodyAssertionsSayWhatTheBodyWas() {
        assertThatThrownBy(() -> assertThat(plain).hasTextBodyContaining("reset your password"))
                .hasMessage(expected(
                        plainLine,
                        "text body containing",
                        "\"reset your password\"",
                        "\"Please confirm your address.\r\nCode: 123456\r\n\""));
        assertThatThrownBy(() -> assertThat(plain).hasHtmlBodyContaining("x"))
                .hasMessage(expected(plainLine, "HTML body containing", "\"x\"", "\"no text/html part\""));
    }

    @Test
    void tlsAndAuthAssertionsSayHowItWasDelivered() {
        assertThatThrownBy(() -> assertThat(plain).wasDeliveredOverTls())
                .hasMessage(expected(
                        plainLine, "been delivered over", "\"TLS\"", "\"plain text (no STARTTLS, no SMTPS)\""));
        assertThatThrownBy(() -> assertThat(plain).wasAuthenticatedAs("app"))
                .hasMessage(expected(plainLine, "been authenticated as", "\"app\"", "\"not authenticated\""));
    }

    @Test
    void transferAssertionsSayWhetherDataOrBdatCarriedTheContent() throws Exception {
        try (MockSmtpServer chunking = MockSmtpServer.started(
                dev.smtpunit.SmtpServerOptions.builder().chunking(true).build())) {
            Send.withBdat(chunking, "Subject: chunked\r\n", "\r\nbody\r\n", "");
            ReceivedMessage chunked =
                    chunking.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(chunked).wasSentWithBdat().wasSentWithBdat(3).hasSubject("chunked");
            String chunkedLine = "Subject: \"chunked\", envelope from=<app@example.com> to=[ada@example.com], "
                    + chunked.size() + " bytes";
            assertThatThrownBy(() -> assertThat(chunked).wasSentWithData())
                    .hasMessage(expected(chunkedLine, "been sent with", "\"DATA\"", "\"BDAT in 3 chunks\""));
            assertThatThrownBy(() -> assertThat(chunked).wasSentWithBdat(2))
                    .hasMessage(
                            expected(chunkedLine, "been sent with", "\"BDAT in 2 chunks\"", "\"BDAT in 3 chunks\""));
        }
        assertThat(plain).wasSentWithData();
        assertThatThrownBy(() -> assertThat(plain).wasSentWithBdat())
                .hasMessage(expected(plainLine, "been sent with", "\"BDAT\"", "\"DATA\""));
    }

    @Test
    void attachmentAssertionsListTheAttachments() {
        String invoiceLine =
                "Subject: \"Invoice 42\", envelope from=<billing@example.com> to=[ada@example.com, boss@example.com], "
                        + invoice.size() + " bytes";
        assertThatThrownBy(() -> assertThat(invoice).hasAttachment("invoice.pdf"))
                .hasMessage(expected(invoiceLine, "attachment", "\"invoice.pdf\"", "[\"invoice.csv (text/csv)\"]"));
        assertThatThrownBy(() -> assertThat(invoice).hasAttachment("invoice.csv", "application/pdf"))
                .hasMessage(
                        expected(invoiceLine, "attachment invoice.csv of type", "\"application/pdf\"", "\"text/csv\""));
    }

    @Test
    void failsOnNull() {
        assertThatThrownBy(() -> assertThat((ReceivedMessage) null).hasSubject("x"))
                .hasMessage(String.format("%nExpecting actual not to be null"));
    }
}
