package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.mockito.BDDMockito.given;

/** A context with a Mockito bean override is another context, with its own server. */
@SpringBootTest
@SmtpServer
class MockitoBeanContextTest {

    @MockitoBean
    UserDirectory users;

    @Autowired
    WelcomeMailService welcomeMail;

    @Test
    void mailsTheUserTheMockFinds(MockSmtpServer smtp) {
        given(users.find("lin")).willReturn(new User("lin", "Lin", "lin@example.com"));

        welcomeMail.sendWelcome("lin");

        assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo("lin@example.com").hasSubject("Welcome, Lin");
    }
}
