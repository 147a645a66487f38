package dev.smtpunit.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every shell command of README.md and docs/*.md: each {@code ```bash} line and each inline
 * {@code `mvn ...`} is parsed (a known program; Maven's modules, profiles and goals exist; the CLI's
 * options are ones it takes), and the command-line session is run as written: the program, swaks
 * and openssl against it.
 */
class ReadmeCommandsIT {
    private static final Set<String> PROGRAMS = Set.of("git", "cd", "mvn", "java", "swaks", "openssl");
    private static final Set<String> PHASES =
            Set.of("clean", "compile", "test", "package", "verify", "install", "deploy");
    private static final Set<String> PLUGIN_PREFIXES = Set.of("wrapper", "dependency", "versions");
    private static final Set<String> MAVEN_FLAGS = Set.of("-B", "-q", "-N", "-am", "-ntp", "-o");

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("cli"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    /** Each command of the documentation, as words, with where it stands. */
    record Command(String where, List<String> words) {}

    static List<Command> commands() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root().resolve("README.md")));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<Command> out = new ArrayList<>();
        Pattern inline = Pattern.compile("`(mvn [^`]+)`");
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
            String name = root().relativize(document).toString();
            boolean bash = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    bash = !bash && line.strip().equals("```bash");
                    continue;
                }
                String where = name + ":" + (i + 1);
                if (bash) {
                    for (List<String> words : split(line)) {
                        out.add(new Command(where, words));
                    }
                } else {
                    Matcher m = inline.matcher(line);
                    while (m.find()) {
                        split(m.group(1)).forEach(words -> out.add(new Command(where, words)));
                    }
                }
            }
        }
        return out;
    }

    /** Shell words, quotes removed, a trailing comment dropped, {@code &&} separating commands. */
    static List<List<String>> split(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '#' && word == null) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in: " + line);
        }
        if (word != null) {
            words.add(word.toString());
        }
        List<String> current = new ArrayList<>();
        for (String w : words) {
            if (w.equals("&&")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(w);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    @Test
    void everyCommandParses() throws IOException {
        List<Command> commands = commands();
        assertThat(commands).extracting(c -> c.words().get(0)).contains("mvn", "java", "swaks", "openssl", "git");
        String rootPom = Files.readString(root().resolve("pom.xml"));
        for (Command c : commands) {
            String program = c.words().get(0);
            assertThat(PROGRAMS)
                    .as("%s: the program of %s", c.where(), c.words())
                    .contains(program);
            if (program.equals("mvn")) {
                checkMaven(c, rootPom);
            } else if (program.equals("java")) {
                assertThat(c.words().subList(0, 3)).as(c.where()).containsExactly("java", "-jar", "smtpunit-cli.jar");
                SmtpUnitCli.parse(c.words().subList(3, c.words().size()).toArray(String[]::new));
            }
        }
    }

    private static void checkMaven(Command c, String rootPom) {
        List<String> w = c.words();
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("-pl")) {
                for (String module : w.get(++i).split(",")) {
                    assertThat(root().resolve(module.replaceFirst("^[!:]", "")).resolve("pom.xml"))
                            .as("%s: module %s", c.where(), module)
                            .isRegularFile();
                }
            } else if (a.startsWith("-P")) {
                for (String profile : a.substring(2).split(",")) {
                    assertThat(rootPom)
                            .as("%s: profile %s in the root pom", c.where(), profile)
                            .contains("<id>" + profile + "</id>");
                }
            } else if (a.startsWith("-D")) {
                assertThat(a).as(c.where()).matches("-D[\\w.]+(=.*)?");
            } else if (a.startsWith("-")) {
                assertThat(MAVEN_FLAGS).as("%s: Maven flag %s", c.where(), a).contains(a);
            } else if (a.contains(":")) {
                assertThat(PLUGIN_PREFIXES)
                        .as("%s: plugin goal %s", c.where(), a)
                        .contains(a.substring(0, a.indexOf(':')));
            } else {
                assertThat(PHASES).as("%s: lifecycle phase %s", c.where(), a).contains(a);
            }
        }
    }

    @Test
    void theCommandLineSessionRunsAsWritten(@TempDir Path dir) throws Exception {
        List<Command> session = commands().stream()
                .filter(c ->
                        Set.of("java", "swaks", "openssl").contains(c.words().get(0)))
                .toList();
        assertThat(session).extracting(c -> c.words().get(0)).containsExactly("java", "swaks", "openssl");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path pem = dir.resolve("smtpunit.pem");
        List<String> serverArgs =
                asRun(session.get(0).words().subList(3, session.get(0).words().size()), port, pem);

        try (ExecutableJarIT.Program cli = new ExecutableJarIT.Program(serverArgs)) {
            assertThat(cli.port()).isEqualTo(port);
            assertThat(pem).isRegularFile();

            if (onPath("swaks")) {
                Process swaks = new ProcessBuilder(asRun(session.get(1).words(), port, pem))
                        .redirectErrorStream(true)
                        .start();
                String said = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(swaks.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(swaks.exitValue()).as(said).isZero();
                assertThat(said).contains("<-  235 2.7.0", "<-  250 2.0.0 Ok: message accepted");
            }

            Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed (CI installs it)");
            Process openssl = new ProcessBuilder(asRun(session.get(2).words(), port, pem))
                    .redirectErrorStream(true)
                    .start();
            StringBuffer said = new StringBuffer();
            Thread reader = new Thread(
                    () -> {
                        try (InputStream in = openssl.getInputStream()) {
                            in.transferTo(new OutputStream() {
                                @Override
                                public void write(int b) {
                                    said.append((char) b);
                                }

                                @Override
                                public void write(byte[] b, int off, int len) {
                                    said.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
                                }
                            });
                        } catch (IOException e) {
                            said.append('[').append(e).append(']');
                        }
                    },
                    "openssl-output");
            reader.setDaemon(true);
            reader.start();
            try (OutputStream typed = openssl.getOutputStream()) {
                await().atMost(Duration.ofSeconds(30))
                        .alias("" + said)
                        .until(() -> said.toString().contains("250 "));
                typed.write("EHLO typed.test\n".getBytes(StandardCharsets.US_ASCII)); // as typed: LF only
                typed.flush();
                await().atMost(Duration.ofSeconds(30))
                        .alias("" + said)
                        .until(() -> said.toString().contains("250-localhost Hello typed.test"));
                typed.write(
                        "NOOP\n".getBytes(StandardCharsets.US_ASCII)); // (a typed line starting with Q quits s_client)
                typed.flush();
                await().atMost(Duration.ofSeconds(30))
                        .alias("" + said)
                        .until(() -> said.toString().contains("\n250 2.0.0"));
            } // end of input: s_client hangs up
            assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(said.toString()).contains("Verify return code: 0 (ok)").doesNotContain("500 5.5.2");

            String out = cli.stop();
            assertThat(out)
                    .contains(
                            "C: EHLO typed.test",
                            "S: 250-AUTH PLAIN LOGIN",
                            "C: NOOP",
                            "*  connection closed by client");
            if (onPath("swaks")) {
                assertThat(out).contains("#1 from <", "to [ada@example.com]", ", auth app");
            }
        }
    }

    /** The command with the documented port and certificate file replaced by this test's. */
    private static List<String> asRun(List<String> words, int port, Path pem) {
        return words.stream()
                .map(w -> w.replace("2525", Integer.toString(port)).replace("smtpunit.pem", pem.toString()))
                .toList();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
