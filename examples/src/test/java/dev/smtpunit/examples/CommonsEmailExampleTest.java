package dev.smtpunit.examples;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.apache.commons.mail2.jakarta.HtmlEmail;
import org.junit.jupiter.api.Test;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;

/** Example 9: Apache Commons Email 2 (Jakarta), an HTML mail with a text alternative. */
@SmtpServer
class CommonsEmailExampleTest {

    @Test
    void commonsEmailSendsHtmlWithATextAlternative(MockSmtpServer smtp) throws Exception {
        HtmlEmail email = new HtmlEmail();
        email.setHostName(smtp.host());
        email.setSmtpPort(smtp.port());
        email.setFrom("news@example.com");
        email.addTo("ada@example.com");
        email.setSubject("November news");
        email.setHtmlMsg("<h1>News</h1><p>Read more <a href=\"https://example.com/news\">here</a>.</p>");
        email.setTextMsg("News: https://example.com/news");
        email.send();

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .isMultipart()
                .hasHtmlBodyContaining("<a href=\"https://example.com/news\">")
                .hasTextBody("News: https://example.com/news");
    }
}
