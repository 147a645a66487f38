package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.junit5.SmtpServer;
import dev.smtpunit.lint.EmailClients;
import dev.smtpunit.lint.LintRuleSet;
import dev.smtpunit.lint.MailLint;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.time.Duration;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Example: what the recipient sees. A welcome mail built with Spring's {@code MimeMessageHelper} (text
 * and HTML alternatives): its confirmation token in one line, and a template change that Outlook for
 * Windows cannot show fails the test before it ships.
 */
@SmtpServer
class HtmlMailExampleTest {
    static final MailLint OUTLOOK_AND_GMAIL = MailLint.of(LintRuleSet.HTML_COMPATIBILITY, LintRuleSet.CONTENT)
            .withClients(EmailClients.of("outlook.windows", "outlook.outlook-com", "gmail.desktop-webmail")
                    .requiring(EmailClients.Support.PARTIAL));

    static void sendWelcome(MockSmtpServer smtp, String layout) throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("welcome@shop.example");
        helper.setTo("ada@example.com");
        helper.setSubject("Welcome, Ada");
        helper.setText(
                "Confirm your address: https://shop.example/confirm?token=t-42",
                "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\"><tr><td style=\""
                        + layout
                        + " padding:16px; font-family:Arial, sans-serif;\"><p style=\"margin:0;\">Welcome, Ada.</p>"
                        + "<a href=\"https://shop.example/confirm?token=t-42\">Confirm your address</a></td></tr></table>");
        sender.send(message);
    }

    @Test
    void theConfirmationTokenIsOneLine(MockSmtpServer smtp) throws Exception {
        sendWelcome(smtp, "");
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);

        String token = assertThat(mail).hasLink("/confirm").isHttps().queryParameter("token");

        org.assertj.core.api.Assertions.assertThat(token).isEqualTo("t-42");
        assertThat(mail).hasNoLintErrors(OUTLOOK_AND_GMAIL);
    }

    @Test
    void aFlexLayoutFailsBecauseOutlookForWindowsDoesNotSupportIt(MockSmtpServer smtp) throws Exception {
        sendWelcome(smtp, "display:flex;");
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);

        // the part's line number varies between runs with how the sender encodes it, so it is not compared
        assertThatThrownBy(() -> assertThat(mail).hasNoLintErrors(OUTLOOK_AND_GMAIL))
                .extracting(e -> e.getMessage().replaceAll("line \\d+\\)", "line N)"))
                .isEqualTo(String.format(
                        "%nExpecting message:%n  Subject: \"Welcome, Ada\", envelope from=<welcome@shop.example> to=[ada@example.com], "
                                + mail.size()
                                + " bytes%nto have no lint errors%nbut lint found 1 error:%n  ERROR html.compat.css-display-flex"
                                + " [caniemail (2026-05-13)] display:flex (css-display-flex) is not supported by Outlook Windows"
                                + " 2007\u20132019; used: \"display:flex\" in the style attribute of <td>;"
                                + " https://www.caniemail.com/features/css-display-flex/ (part 1.1.2, line N)"));
    }
}
