package dev.smtpunit.lint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus under {@code lint/corpus}: a clean real-world-shaped message and variants of it broken
 * in one known way each ({@code make-corpus.py} writes them); lint reports exactly the expected rule
 * ids at the expected lines, and nothing else.
 */
class LintCorpusTest {

    static Stream<String> corpus() {
        return expected().stringPropertyNames().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsExactlyTheKnownProblem(String file) {
        byte[] content = read(file);
        List<String> found = MailLint.defaults().check(content).stream()
                .map(f -> f.ruleId() + "@" + f.line())
                .toList();
        String want = expected().getProperty(file).strip();
        List<String> expected = want.isEmpty()
                ? List.of()
                : Arrays.stream(want.split(",")).map(String::strip).toList();
        assertThat(found)
                .as("findings of %s: %s", file, MailLint.defaults().check(content))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Properties expected() {
        Properties p = new Properties();
        try (InputStream in = LintCorpusTest.class.getResourceAsStream("/lint/corpus/expected.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static byte[] read(String file) {
        try (InputStream in = LintCorpusTest.class.getResourceAsStream("/lint/corpus/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
