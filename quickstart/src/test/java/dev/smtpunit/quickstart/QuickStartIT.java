package dev.smtpunit.quickstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer does: a new project whose pom holds exactly the README's Quick start Maven snippet
 * and whose only test is the README's Quick start class, built with {@code mvn test} by the Maven
 * running this build. This build's artifacts are laid into the project's own local repository (the
 * way {@code mvn install} leaves them); everything else comes from this build's local repository,
 * read as a remote one, so nothing leaks into it. At least one test must run: on a bare pom, Maven
 * 3.8's default Surefire would report {@code Tests run: 0} and succeed.
 */
class QuickStartIT {
    private static final Pattern TESTS_RUN =
            Pattern.compile("Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: 0\\s*$", Pattern.MULTILINE);

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("quickstart"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    /** The first block of the given kind after the heading. */
    static String block(String readme, String heading, String kind) {
        int from = readme.indexOf("\n" + heading + "\n");
        assertThat(from).as("README heading %s", heading).isNotNegative();
        int open = readme.indexOf("\n```" + kind + "\n", from);
        assertThat(open).as("a ```%s block under %s", kind, heading).isNotNegative();
        int start = open + kind.length() + 5;
        return readme.substring(start, readme.indexOf("\n```\n", start) + 1);
    }

    @Test
    void theReadmesQuickStartBuildsAndRunsItsTests(@TempDir Path dir) throws Exception {
        String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
        String version = System.getProperty("smtpunit.version");
        String xml = block(readme, "## Quick start", "xml");
        String java = block(readme, "## Quick start", "java");
        assertThat(versions(readme + Files.readString(root().resolve("docs/MIGRATING.md"), StandardCharsets.UTF_8)))
                .as("every SmtpUnit version the README and docs/MIGRATING.md name is this build's")
                .containsOnly(version);

        Path project = Files.createDirectories(dir.resolve("signup-app"));
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>signup-app</artifactId>
                  <version>1.0</version>
                """ + xml + "</project>\n");
        Path test = Files.createDirectories(project.resolve("src/test/java")).resolve("SignupMailTest.java");
        Files.writeString(test, java);

        Path repository = dir.resolve("repository");
        install(repository, "smtpunit-parent", "pom.xml", null);
        install(repository, "smtpunit-core", "core/pom.xml", "core/target/smtpunit-core-" + version + ".jar");
        install(
                repository,
                "smtpunit-junit5",
                "junit5-extension/pom.xml",
                "junit5-extension/target/smtpunit-junit5-" + version + ".jar");
        install(
                repository,
                "smtpunit-assertj",
                "assertj-assertions/pom.xml",
                "assertj-assertions/target/smtpunit-assertj-" + version + ".jar");
        Path settings = settings(dir, repository);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dstyle.color=never",
                "test"));
        if (System.getProperty("outer.offline").equals("offline:true")) {
            command.addAll(List.of("-o", "-Daether.offline.protocols=file")); // this build's repository stays readable
        }
        Path log = dir.resolve("mvn.log");
        Process mvn = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(mvn.waitFor(5, TimeUnit.MINUTES))
                .as("mvn test ends within 5 minutes")
                .isTrue();
        String output = Files.readString(log);

        assertThat(mvn.exitValue())
                .as("mvn test of the Quick start project:\n%s", output)
                .isZero();
        Matcher run = TESTS_RUN.matcher(output);
        assertThat(run.find()).as("a test summary in:\n%s", output).isTrue();
        assertThat(Integer.parseInt(run.group(1)))
                .as("tests run by the Quick start")
                .isEqualTo(2);
    }

    /** Every {@code dev.smtpunit} version in the README's Maven and Gradle snippets. */
    static List<String> versions(String readme) {
        List<String> found = new ArrayList<>();
        Matcher maven = Pattern.compile(
                        "<groupId>dev\\.smtpunit</groupId>\\s*<artifactId>[^<]+</artifactId>[^\\n]*\\s*<version>([^<]+)</version>")
                .matcher(readme);
        while (maven.find()) {
            found.add(maven.group(1));
        }
        Matcher gradle = Pattern.compile("\"dev\\.smtpunit:smtpunit-[a-z0-9]+:([^\"]+)\"")
                .matcher(readme);
        while (gradle.find()) {
            found.add(gradle.group(1));
        }
        assertThat(found).as("versions named in the README").isNotEmpty();
        return found;
    }

    /** Lays a pom (and jar) where {@code mvn install} would put it. */
    private static void install(Path repository, String artifactId, String pom, String jar) throws IOException {
        String version = System.getProperty("smtpunit.version");
        Path dir = Files.createDirectories(repository.resolve("dev/smtpunit/" + artifactId + "/" + version));
        Files.copy(
                root().resolve(pom),
                dir.resolve(artifactId + "-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Path built = root().resolve(jar);
            assertThat(built)
                    .as("%s is built (the package phase of its module ran)", jar)
                    .isRegularFile();
            Files.copy(built, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A local repository of the project's own, falling back on this build's local repository as a remote one. */
    private static Path settings(Path dir, Path repository) throws IOException {
        String outer =
                Path.of(System.getProperty("outer.local.repository")).toUri().toString();
        String repo = "<id>this-build</id><url>" + outer + "</url><snapshots><enabled>false</enabled></snapshots>";
        Path settings = dir.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings>\n  <localRepository>" + repository + "</localRepository>\n"
                        + "  <profiles><profile><id>this-build</id>\n"
                        + "    <repositories><repository>" + repo + "</repository></repositories>\n"
                        + "    <pluginRepositories><pluginRepository>" + repo
                        + "</pluginRepository></pluginRepositories>\n"
                        + "  </profile></profiles>\n  <activeProfiles><activeProfile>this-build</activeProfile></activeProfiles>\n"
                        + "</settings>\n");
        return settings;
    }
}
