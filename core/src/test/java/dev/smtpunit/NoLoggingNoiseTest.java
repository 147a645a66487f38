package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's run prints nothing SmtpUnit did not ask for: no "No SLF4J providers were found" when the
 * application has no SLF4J provider (this module's test class path has none), and an application's
 * own provider stays the one SLF4J uses. Runs in fresh JVMs, because SLF4J binds once per JVM, at its
 * first use.
 */
class NoLoggingNoiseTest {

    /** The child JVM: starts a server, takes a message, reads it, stops. */
    public static void main(String[] args) throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient client = RawClient.connect(smtp.host(), smtp.port())) {
            client.reply();
            client.command("EHLO child");
            client.command("MAIL FROM:<app@example.com>");
            client.command("RCPT TO:<ada@example.com>");
            client.command("DATA");
            client.sendRaw("Subject: quiet\r\n\r\nbody\r\n");
            client.command(".");
            client.command("QUIT");
            ReceivedMessage mail =
                    smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            System.out.print(mail.subject() + " "
                    + mail.textBody().orElseThrow().strip() + " "
                    + org.slf4j.LoggerFactory.getILoggerFactory().getClass().getSimpleName());
        }
    }

    private static String[] runChild(String classPath) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        List.of(java.toString(), "-cp", classPath, NoLoggingNoiseTest.class.getName()))
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isZero();
        return new String[] {out, err};
    }

    @Test
    void aServerRunWithoutAnSlf4jProviderPrintsNoWarning() throws Exception {
        String classPath = System.getProperty("java.class.path");
        assertThat(classPath)
                .doesNotContain("logback", "slf4j-simple", "log4j-slf4j")
                .contains("slf4j-api-2.");

        String[] outAndErr = runChild(classPath);

        assertThat(outAndErr[0]).isEqualTo("quiet body NOPLoggerFactory");
        assertThat(outAndErr[1]).isEmpty();
    }

    @Test
    void anApplicationOnAnSlf4jOlderThan209GetsNoWarningEither() throws Exception {
        String old = System.getProperty("slf4j.old.jar");
        List<String> path =
                new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        assertThat(path.removeIf(entry -> entry.contains("slf4j-api-2.")))
                .as("slf4j-api on %s", path)
                .isTrue();
        path.add(0, old);

        String[] outAndErr = runChild(String.join(File.pathSeparator, path));

        assertThat(outAndErr[0]).isEqualTo("quiet body NOPLoggerFactory");
        assertThat(outAndErr[1]).isEmpty();
    }

    @Test
    void withoutSmtpUnitThatOldSlf4jWouldWarn() throws Exception {
        String old = System.getProperty("slf4j.old.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        old + File.pathSeparator + System.getProperty("java.class.path"),
                        BareSlf4j.class.getName())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(err).startsWith("SLF4J: No SLF4J providers were found.");
    }

    /** A child JVM that only asks SLF4J for its factory, as James would without SmtpUnit. */
    static final class BareSlf4j {
        public static void main(String[] args) {
            System.out.print(
                    org.slf4j.LoggerFactory.getILoggerFactory().getClass().getSimpleName());
        }
    }

    @Test
    void anApplicationsOwnProviderStaysInCharge() throws Exception {
        String simple = System.getProperty("slf4j.simple.jar");
        assertThat(simple).contains("slf4j-simple-2.");

        String[] outAndErr = runChild(simple + File.pathSeparator + System.getProperty("java.class.path"));

        assertThat(outAndErr[0]).isEqualTo("quiet body SimpleLoggerFactory");
        assertThat(outAndErr[1]).doesNotContain("SLF4J");
    }
}
