package dev.smtpunit.examples.quarkus;

import dev.smtpunit.testsupport.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Quarkus examples, and the reproduction in docs/known-client-issues.md, compile against
 * this module's test class path: every {@code ```java} block right after {@code <!-- compile: quarkus -->},
 * each a complete source file.
 */
class ReadmeQuarkusSnippetsTest {
    @Test
    void quarkusExamplesInTheReadmeCompile(@TempDir Path work) throws IOException {
        for (Path document : List.of(
                DocSnippets.root().resolve("README.md"),
                DocSnippets.root().resolve("docs").resolve("known-client-issues.md"))) {
            List<DocSnippets.Snippet> blocks = DocSnippets.marked(document, "quarkus");
            assertThat(blocks)
                    .as("```java blocks marked <!-- compile: quarkus --> in %s", document)
                    .isNotEmpty();
            for (DocSnippets.Snippet block : blocks) {
                DocSnippets.compile(block, work);
            }
        }
    }
}
