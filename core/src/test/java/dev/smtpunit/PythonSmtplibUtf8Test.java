package dev.smtpunit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A second real SMTPUTF8 sender: Python's {@code smtplib} with {@code mail_options=['SMTPUTF8']}. Skipped,
 * with the reason, when no {@code python3} is on the PATH.
 */
class PythonSmtplibUtf8Test {
    private static final String SCRIPT = String.join(
            "\n",
            "import smtplib, sys",
            "msg = ('From: J\\u00fcrgen <j\\u00fcrgen@b\\u00fccher.example>\\r\\n'",
            "       'To: <\\u0434\\u0436\\u0443\\u043c\\u043b\\u0430@\\u0434\\u0436\\u043f\\u0443\\u043c\\u043b\\u0430.\\u0440\\u0444>\\r\\n'",
            "       'Subject: Gr\\u00fc\\u00dfe\\r\\n\\r\\nHallo\\r\\n').encode('utf-8')",
            "with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=10) as s:",
            "    s.sendmail('j\\u00fcrgen@b\\u00fccher.example', ['\\u0434\\u0436\\u0443\\u043c\\u043b\\u0430@\\u0434\\u0436\\u043f\\u0443\\u043c\\u043b\\u0430.\\u0440\\u0444'],",
            "               msg, mail_options=['SMTPUTF8'])",
            "");

    @Test
    void pythonSendsUtf8AddressesWithSmtpUtf8() throws Exception {
        assumeTrue(
                python3Available(),
                "python3 is not on the PATH: this test needs a second SMTPUTF8 sender (install python3)");
        try (MockSmtpServer smtp = MockSmtpServer.started(
                SmtpServerOptions.builder().smtpUtf8(true).build())) {
            Process p = new ProcessBuilder("python3", "-c", SCRIPT, Integer.toString(smtp.port()))
                    .redirectErrorStream(true)
                    .start();
            boolean finished = p.waitFor(30, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                p.destroyForcibly();
            }
            assertThat(finished)
                    .as("python3 finished within 30 s; output: %s", output)
                    .isTrue();
            assertThat(p.exitValue()).as("python3 output: %s", output).isZero();

            ReceivedMessage m =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(m.envelope().isSmtpUtf8()).isTrue();
            assertThat(m.envelope().sender()).isEqualTo("j\u00fcrgen@b\u00fccher.example");
            assertThat(m.envelope().recipientAddresses())
                    .containsExactly(
                            "\u0434\u0436\u0443\u043c\u043b\u0430@\u0434\u0436\u043f\u0443\u043c\u043b\u0430.\u0440\u0444");
            assertThat(m.subject()).isEqualTo("Gr\u00fc\u00dfe");
        }
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
