package dev.smtpunit.cli;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The published program: {@code java -jar smtpunit-cli.jar}, a real SMTP server in its own JVM. */
class ExecutableJarIT {
    private static final Pattern LISTENING = Pattern.compile("SmtpUnit listening on 127\\.0\\.0\\.1:(\\d+) ");

    /** A forked {@code java -jar} whose output is collected as it comes. */
    static final class Program implements AutoCloseable {
        final Process process;
        final StringBuffer out = new StringBuffer();
        final StringBuffer err = new StringBuffer();

        Program(List<String> args) throws Exception {
            Path jar = Path.of(System.getProperty("smtpunit.cli.jar"));
            assertThat(jar).as("the executable jar, built in the package phase").isRegularFile();
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
            command.addAll(args);
            process = new ProcessBuilder(command).start();
            pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        private static void pump(java.io.InputStream in, StringBuffer into) {
            Thread t = new Thread(
                    () -> {
                        try {
                            byte[] buffer = new byte[4096];
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                into.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                            }
                        } catch (java.io.IOException e) {
                            into.append("[").append(e).append("]");
                        }
                    },
                    "cli-output");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> LISTENING.matcher(out).find() || !process.isAlive());
            Matcher m = LISTENING.matcher(out);
            assertThat(m.find()).as("stdout %s, stderr %s", out, err).isTrue();
            return Integer.parseInt(m.group(1));
        }

        /**
         * Stops it as Ctrl-C does (SIGTERM runs the same shutdown hook) and waits for the end; through
         * the process handle, because {@code Process.destroy()} also closes the pipes being read.
         */
        String stop() throws Exception {
            assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("the program stops")
                    .isTrue();
            await().atMost(Duration.ofSeconds(5))
                    .alias("stdout " + out + ", stderr " + err)
                    .until(() -> out.toString().contains("SmtpUnit stopped;"));
            return out.toString();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void runsWithJavaDashJarAndPrintsEachSessionWhenItEnds() throws Exception {
        try (Program cli = new Program(List.of("--port", "0", "--transcript"))) {
            int port = cli.port();
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", "127.0.0.1");
            props.setProperty("mail.smtp.port", Integer.toString(port));
            Session session = Session.getInstance(props);
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress("app@example.com"));
            mail.setRecipients(Message.RecipientType.TO, "ada@example.com");
            mail.setSubject("From outside");
            mail.setText("Sent to the program.");

            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(mail, mail.getAllRecipients());
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> cli.out.toString().contains("#1 from <app@example.com>"));
                assertThat(cli.out.toString())
                        .as("the session is still open: no transcript yet")
                        .doesNotContain("--- session");
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli.out.toString().contains("*  connection closed"));

            String out = cli.stop();
            assertThat(out).contains("#1 from <app@example.com> to [ada@example.com] subject \"From outside\"");
            assertThat(out.split("--- session 1 from", -1))
                    .as("session 1 printed once")
                    .hasSize(2);
            assertThat(out.substring(out.indexOf("--- session 1 from")))
                    .contains("C: MAIL FROM:<app@example.com>", "C: QUIT", "S: 221 2.0.0");
            assertThat(out).endsWith("SmtpUnit stopped; 1 message(s) received.\n");
            assertThat(cli.err.toString())
                    .as("nothing on stderr (no SLF4J notice either)")
                    .isEmpty();
        }
    }

    @Test
    void aBadOptionExitsWithTheReasonAndTheUsage() throws Exception {
        try (Program cli = new Program(List.of("--port", "x"))) {
            assertThat(cli.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.process.exitValue()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> cli.err.toString().contains("--export-cert"));
            assertThat(cli.err.toString())
                    .startsWith("smtpunit: --port takes a number, was x\nUsage: smtpunit [options]\n");
        }
    }

    @Test
    void theJarCarriesItsDependenciesAndNamesItsMainClass() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("smtpunit.cli.jar"))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.smtpunit.cli.SmtpUnitCli");
            assertThat(jar.getEntry("org/apache/james/protocols/smtp/SMTPSession.class"))
                    .isNotNull();
            assertThat(jar.getEntry("org/apache/james/mime4j/dom/Message.class"))
                    .isNotNull();
        }
        assertThat(Files.size(Path.of(System.getProperty("smtpunit.cli.jar")))).isGreaterThan(1_000_000);
    }
}
