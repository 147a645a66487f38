package dev.smtpunit.providers;

import dev.smtpunit.ReceivedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The welcome mail every provider test sends through its SDK: from "Example App", to Ada, cc one,
 * bcc audit@example.com, reply-to help@, an X-Campaign header, text and HTML bodies and users.csv.
 */
final class WelcomeMail {
    private WelcomeMail() {}

    /**
     * Checks that every field arrived where the assertions look for it and that BCC stayed in the envelope.
     *
     * @param mail the received message
     */
    static void assertArrived(ReceivedMessage mail) {
        assertThat(mail.subject()).isEqualTo("Welcome");
        assertThat(mail.from()).containsExactly("app@example.com");
        assertThat(mail.header("From")).hasValue("Example App <app@example.com>");
        assertThat(mail.to()).containsExactly("ada@example.com");
        assertThat(mail.cc()).containsExactly("cc@example.com");
        assertThat(mail.header("Reply-To")).hasValue("help@example.com");
        assertThat(mail.header("X-Campaign")).hasValue("spring");
        assertThat(mail.textBody()).hasValue("Hello Ada\r\n");
        assertThat(mail.htmlBody()).hasValue("<p>Hello Ada</p>\r\n");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("users.csv");
            assertThat(a.contentAsString()).isEqualTo("name,id\nada,42\n");
        });
        assertThat(mail.headers("Bcc")).isEmpty();
        assertThat(mail.rawContent()).doesNotContain("audit@example.com");
        assertThat(mail.envelope().sender()).isEqualTo("app@example.com");
        assertThat(mail.envelope().recipientAddresses())
                .containsExactly("ada@example.com", "cc@example.com", "audit@example.com");
    }
}
