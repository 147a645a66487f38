package dev.smtpunit.examples.spring;

import dev.smtpunit.testsupport.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring examples compile against this module's test class path: every {@code ```java}
 * block right after {@code <!-- compile: spring -->}, each a complete source file.
 */
class ReadmeSpringSnippetsTest {
    @Test
    void springExamplesInTheReadmeCompile(@TempDir Path work) throws IOException {
        List<DocSnippets.Snippet> blocks = DocSnippets.marked(DocSnippets.root().resolve("README.md"), "spring");
        assertThat(blocks)
                .as("```java blocks marked <!-- compile: spring --> in README.md")
                .isNotEmpty();
        for (DocSnippets.Snippet block : blocks) {
            DocSnippets.compile(block, work);
        }
    }
}
