package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;

import static dev.smtpunit.SmtpPhase.END_OF_DATA;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Example 5: the server's size limit refuses a large message with 552; the application copes. */
@SmtpServer(maxMessageSize = 10_000)
class SizeRejectionExampleTest {

    @Test
    void sendsALinkWhenTheReportIsTooLarge(MockSmtpServer smtp) throws Exception {
        boolean inline = new ReportMailer(smtp.properties()).send("ada@example.com", "row,value\n".repeat(5_000));

        assertThat(inline).isFalse();
        assertThat(smtp.mailbox())
                .hasMessageCount(1)
                .hasMessageTo("ada@example.com")
                .hasSubject("Monthly report (download)")
                .hasTextBodyContaining("https://app.example/reports/latest");
        assertThat(smtp.transcript()).repliedTo(END_OF_DATA, 552).times(1).thenRepliedTo(END_OF_DATA, 250);
    }

    @Test
    void sendsASmallReportInline(MockSmtpServer smtp) throws Exception {
        assertThat(new ReportMailer(smtp.properties()).send("ada@example.com", "row,value\n1,2\n"))
                .isTrue();
        assertThat(smtp.mailbox()).hasMessageWithSubject("Monthly report");
    }
}
