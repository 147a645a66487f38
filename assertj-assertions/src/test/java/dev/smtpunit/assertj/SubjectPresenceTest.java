package dev.smtpunit.assertj;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static dev.smtpunit.assertj.SmtpAssertions.assertThatThrownBy;

/** A missing Subject header and an empty one are told apart. */
class SubjectPresenceTest {

    private static void send(MockSmtpServer smtp, String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(smtp.properties()));
        m.setFrom(new InternetAddress("app@example.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        if (subject != null) {
            m.setHeader("Subject", subject);
        }
        m.setText("x");
        Transport.send(m);
    }

    @Test
    void hasSubjectOfEmptyTextNeedsAnEmptyHeaderAndHasNoSubjectNeedsNone() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            send(smtp, null);
            send(smtp, "");
            List<ReceivedMessage> all = smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5));
            ReceivedMessage missing = all.get(0);
            ReceivedMessage empty = all.get(1);

            assertThat(missing.subject()).isEmpty();
            assertThat(missing.header("Subject")).isEqualTo(Optional.empty());
            assertThat(empty.header("Subject")).contains("");

            assertThat(missing).hasNoSubject();
            assertThat(empty).hasSubject("");
            assertThatThrownBy(() -> assertThat(missing).hasSubject(""))
                    .hasMessageEndingWith(String.format("to have subject:%n  \"\"%nbut was:%n  no Subject header"));
            assertThatThrownBy(() -> assertThat(empty).hasNoSubject())
                    .hasMessageEndingWith(String.format("to have no Subject header:%n  (none)%nbut was:%n  \"\""));
            assertThat(smtp).hasMessageTo("ada@example.com").hasNoSubject();
        }
    }
}
