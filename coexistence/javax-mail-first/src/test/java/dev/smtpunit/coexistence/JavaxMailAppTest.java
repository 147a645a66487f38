package dev.smtpunit.coexistence;

import dev.smtpunit.Attachment;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import java.io.File;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static dev.smtpunit.SmtpPhase.EHLO;
import static dev.smtpunit.SmtpPhase.MAIL;
import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.SmtpPhase.STARTTLS;
import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * An application on javax.mail 1.6 with SmtpUnit on its test class path (before or after javax.mail,
 * depending on the module): its own sends work, and so does every SmtpUnit feature.
 */
@SmtpServer
class JavaxMailAppTest {
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, (byte) 0xff};

    @Test
    void theClassPathHasTheOrderThisModuleIsAbout() {
        List<String> path = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        int javax = indexOf(path, "javax.mail-1.6.2.jar");
        int smtpunit = indexOf(path, "smtpunit-junit5", "junit5-extension");
        boolean javaxFirst = System.getProperty("coexistence.first").equals("javax.mail");
        assertThat(javax < smtpunit)
                .as("javax.mail at %d, SmtpUnit at %d in %s", javax, smtpunit, path)
                .isEqualTo(javaxFirst);
        assertThatThrownBy(() -> Class.forName("jakarta.mail.Session"))
                .as("no Jakarta Mail at run time")
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static int indexOf(List<String> path, String... names) {
        for (int i = 0; i < path.size(); i++) {
            for (String name : names) {
                if (path.get(i).contains(name)) {
                    return i;
                }
            }
        }
        throw new AssertionError("none of " + List.of(names) + " on the class path " + path);
    }

    @Test
    void thePlainTextSendWorksAndTheViewsReadIt(MockSmtpServer smtp) throws Exception {
        new Notifier(smtp.host(), smtp.port()).welcome("ada@example.com");

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .hasSubject("Welcome, Zo\u00eb")
                .isFrom("app@example.com")
                .hasTo("ada@example.com")
                .hasTextBodyContaining("Confirm your address")
                .isNotMultipart();
        ReceivedMessage mail = smtp.mailbox().messages().get(0);
        assertThat(mail.header("Content-Type")).hasValue("text/plain; charset=UTF-8");
        assertThat(mail.envelope().sender()).isEqualTo("app@example.com");
    }

    @Test
    void aMultipartWithAnAttachmentIsReadBackByteForByte(MockSmtpServer smtp) throws Exception {
        new Notifier(smtp.host(), smtp.port()).invoice("ada@example.com", PDF);

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .isMultipart()
                .hasTextBody("Total: 42 EUR")
                .hasHtmlBodyContaining("<b>42 EUR</b>")
                .hasAttachment("invoice-42.pdf", "application/pdf")
                .hasAttachmentWithContent("invoice-42.pdf", PDF);
        ReceivedMessage mail = smtp.mailbox().messages().get(0);
        assertThat(mail.attachments()).extracting(Attachment::size).containsExactly(PDF.length);
    }

    @Test
    void sendsOverStartTlsWithTheDocumentedTrustRecipe(
            @SmtpServer(name = "tls", startTls = StartTlsMode.REQUIRED) MockSmtpServer smtp) throws Exception {
        new Notifier(smtp.clientTrust().startTlsProperties(smtp)).welcome("ada@example.com");

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .hasSubject("Welcome, Zo\u00eb")
                .wasDeliveredOverTls();
        assertThat(smtp.transcript()).containsCommandsInOrder(EHLO, STARTTLS, EHLO, MAIL);
    }

    @Test
    void sendsOverSmtpsWithTheDocumentedTrustRecipe(@SmtpServer(name = "smtps", smtps = true) MockSmtpServer smtp)
            throws Exception {
        new Notifier(smtp.clientTrust().smtpsProperties(smtp)).welcome("ada@example.com");

        assertThat(smtp)
                .eventually()
                .hasMessageTo("ada@example.com")
                .hasSubject("Welcome, Zo\u00eb")
                .wasDeliveredOverTls();
    }

    @Test
    void theRecipeChecksTheServersIdentity() throws Exception {
        // the same generated certificate (localhost, 127.0.0.1) served on an address it does not name
        SmtpServerOptions options = SmtpServerOptions.builder()
                .bindAddress(InetAddress.getByName("127.0.0.2"))
                .startTls(StartTlsMode.REQUIRED)
                .build();
        try (MockSmtpServer elsewhere = new MockSmtpServer(options).start()) {
            Notifier app = new Notifier(elsewhere.clientTrust().startTlsProperties(elsewhere));

            assertThatThrownBy(() -> app.welcome("ada@example.com"))
                    .isInstanceOf(MessagingException.class)
                    .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.2 found");
            assertThat(elsewhere.mailbox()).hasMessageCount(0);
        }
    }

    @Test
    void faultsReachTheApplicationAndTheTranscriptShowsThem(MockSmtpServer smtp) {
        smtp.faults().on(RCPT).reply(550, "5.1.1 No such user");
        Notifier app = new Notifier(smtp.host(), smtp.port());

        assertThatThrownBy(() -> app.welcome("nobody@example.com")).isInstanceOf(SendFailedException.class);
        assertThat(smtp.transcript()).repliedTo(RCPT, 550);
        assertThat(smtp.mailbox()).hasMessageCount(0);
    }

    @Test
    void assertJPrintsReceivedMessagesInFailures(MockSmtpServer smtp) throws Exception {
        new Notifier(smtp.host(), smtp.port()).welcome("ada@example.com");
        smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));

        assertThatThrownBy(() -> assertThat(smtp.mailbox().messages()).isEmpty())
                .hasMessageContaining(
                        "ReceivedMessage[Subject: \"Welcome, Zo\u00eb\", envelope from=<app@example.com>");
    }

    @Test
    void mimeMessageNamesTheDependencyToAdd(MockSmtpServer smtp) throws Exception {
        new Notifier(smtp.host(), smtp.port()).welcome("ada@example.com");
        ReceivedMessage mail =
                smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);

        assertThatThrownBy(() -> mail.mimeMessage())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "mimeMessage() needs Jakarta Mail, which is not on the class path: add org.eclipse.angus:angus-mail "
                                + "(Jakarta Mail 2.x) to the test class path, or use SmtpUnit's own views (subject(), textBody(), "
                                + "attachments(), ...), which do not need it");
    }

    @Test
    void aFailingTestGetsTheSmtpEvidence() {
        List<Throwable> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(EvidenceFixture.class))
                .execute()
                .testEvents()
                .failed()
                .list()
                .stream()
                .map(e -> e.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .toList();

        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure).hasMessageContaining("Welcome, Ada");
            assertThat(failure.getSuppressed())
                    .singleElement()
                    .extracting(Throwable::getMessage)
                    .asString()
                    .startsWith("SMTP evidence of this test:")
                    .contains("1. Subject: \"Welcome, Zo\u00eb\", envelope from=<app@example.com> to=[ada@example.com]")
                    .contains("C: MAIL FROM:<app@example.com>", "C: RCPT TO:<ada@example.com>", "C: QUIT");
        });
    }
}
