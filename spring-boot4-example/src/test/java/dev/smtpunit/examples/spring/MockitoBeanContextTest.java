package dev.smtpunit.examples.spring;

import com.sendgrid.SendGrid;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mockingDetails;

/**
 * A context with a Mockito bean override is another context, with its own server; a mocked SendGrid
 * client stays the mock.
 */
@SpringBootTest
@SmtpServer
class MockitoBeanContextTest {

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    SendGrid sendGrid;

    @Autowired
    WelcomeMailService welcomeMail;

    @Test
    void mailsTheUserTheMockFinds(MockSmtpServer smtp) {
        given(users.find("lin")).willReturn(new User("lin", "Lin", "lin@example.com"));

        welcomeMail.sendWelcome("lin");

        assertThat(smtp.mailbox())
                .hasMessageCount(1)
                .hasMessageTo("lin@example.com")
                .hasSubject("Welcome, Lin");
    }

    @Test
    void aMockedSendGridIsLeftAlone() {
        assertThat(mockingDetails(sendGrid).isMock()).isTrue();
        assertThat(sendGrid.getHost()).isNull();
    }
}
