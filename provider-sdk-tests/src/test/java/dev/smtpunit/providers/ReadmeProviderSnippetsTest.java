package dev.smtpunit.providers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's provider API examples compile against this module's test class path: every {@code ```java}
 * block right after {@code <!-- compile: providers -->}, each a complete source file.
 */
class ReadmeProviderSnippetsTest {
    private static final Pattern MARKED_BLOCK =
            Pattern.compile("<!-- compile: providers -->\\s*\\n```java\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_CLASS =
            Pattern.compile("^(?:public\\s+)?(?:final\\s+)?(?:class|interface|record)\\s+(\\w+)", Pattern.MULTILINE);

    @Test
    void providerExamplesInTheReadmeCompile(@TempDir Path work) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = MARKED_BLOCK.matcher(Files.readString(Path.of("..", "README.md")));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks)
                .as("```java blocks marked <!-- compile: providers --> in README.md")
                .isNotEmpty();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (int i = 0; i < blocks.size(); i++) {
            Matcher name = TOP_LEVEL_CLASS.matcher(blocks.get(i));
            assertThat(name.find())
                    .as("a top-level class in block %d:%n%s", i + 1, blocks.get(i))
                    .isTrue();
            Path source = Files.createDirectories(work.resolve("src" + i)).resolve(name.group(1) + ".java");
            Files.writeString(source, blocks.get(i));
            Path classes = Files.createDirectories(work.resolve("classes" + i));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
                boolean compiled = javac.getTask(
                                null,
                                files,
                                diagnostics,
                                List.of("-proc:none", "-classpath", classPath, "-d", classes.toString()),
                                null,
                                files.getJavaFileObjects(source))
                        .call();
                assertThat(compiled)
                        .as("README block %d compiles:%n%s%n%s", i + 1, blocks.get(i), diagnostics.getDiagnostics())
                        .isTrue();
            }
        }
    }
}
