package dev.smtpunit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CRAM-MD5 with a second real client: Python's {@code smtplib}, which prefers CRAM-MD5 when it is
 * offered. Skipped when {@code python3} is not on the PATH (CI installs it, see {@code .ci/run}).
 */
class PythonSmtplibTest {
    private static final String SCRIPT = """
            import smtplib, sys
            host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
            with smtplib.SMTP(host, port, local_hostname="client.test", timeout=10) as s:
                try:
                    s.login(user, password)
                except smtplib.SMTPAuthenticationError as e:
                    print("refused", e.smtp_code)
                    sys.exit(3)
                s.sendmail("tim@example.com", ["ada@example.com"], "Subject: from python\\r\\n\\r\\nhello\\r\\n")
            print("sent")
            """;

    @BeforeAll
    static void needsPython() {
        assumeTrue(
                python3Available(),
                "python3 is not on the PATH: CRAM-MD5 is not tried with Python's smtplib here"
                        + " (CI installs python3; see .ci/run)");
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import smtplib, hmac")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Run(int exit, String output) {}

    private static Run smtplib(MockSmtpServer smtp, String user, String password) throws Exception {
        Process p = new ProcessBuilder(
                        List.of("python3", "-c", SCRIPT, smtp.host(), String.valueOf(smtp.port()), user, password))
                .redirectErrorStream(true)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 smtplib did not finish within 30 s; transcript:\n" + smtp.transcript());
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void sendsWithCramMd5() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.PLAIN, AuthMechanism.CRAM_MD5)
                .user("tim", "tanstaaftanstaaf")
                .build())) {
            Run run = smtplib(smtp, "tim", "tanstaaftanstaaf");
            assertThat(run.output()).as("smtplib output").isEqualTo("sent");

            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.subject()).isEqualTo("from python");
            assertThat(mail.envelope().authMechanism())
                    .as("smtplib prefers CRAM-MD5")
                    .contains(AuthMechanism.CRAM_MD5);
            assertThat(smtp.transcript().toString()).contains("C: AUTH CRAM-MD5\n", "C: *** (masked)\nS: 235");
        }
    }

    @Test
    void isRefusedWithAWrongPassword() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .authMechanisms(AuthMechanism.CRAM_MD5)
                .user("tim", "tanstaaftanstaaf")
                .build())) {
            Run run = smtplib(smtp, "tim", "wrong");
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.output()).isEqualTo("refused 535");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }
}
