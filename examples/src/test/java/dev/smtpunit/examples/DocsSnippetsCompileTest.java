package dev.smtpunit.examples;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of README.md and docs/*.md is a complete source file that compiles
 * against this module's test class path, so a documentation edit that breaks a snippet fails the
 * build. Blocks right after {@code <!-- compile: spring -->}, {@code <!-- compile: quarkus -->} or
 * {@code <!-- compile: providers -->} need those frameworks or SDKs and are compiled by the modules that have them.
 */
class DocsSnippetsCompileTest {
    private static final Pattern SKIP = Pattern.compile("<!--\\s*compile:\\s*(spring|quarkus|providers)\\s*-->");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    /**
     * One {@code ```java} block.
     *
     * @param where the document and the line of the opening fence
     * @param code the text between the fences
     * @param firstLine the document line of the block's first line of code
     */
    record Snippet(String where, String code, int firstLine) {}

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("examples"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root().resolve("README.md"));
        Path dir = root().resolve("docs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    static List<Snippet> snippets(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        String name = root().relativize(document).toString();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            boolean skipped = start > 0 && SKIP.matcher(lines.get(start - 1)).find();
            if (!skipped) {
                out.add(new Snippet(name + ":" + (start + 1), code.toString(), start + 2));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles(@TempDir Path out) throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path doc : documents()) {
            all.addAll(snippets(doc));
        }
        assertThat(all).as("java blocks found in the documentation").hasSizeGreaterThan(5);
        return all.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> compile(s, out)));
    }

    @Test
    void findsBlocksAndHonoursTheSkipMarker(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("x.md");
        Files.writeString(doc, "text\n```java\nclass A {}\n```\n<!-- compile: spring -->\n```java\nclass B {}\n```\n");
        assertThat(snippets(doc)).extracting(Snippet::code).containsExactly("class A {}\n");
    }

    @Test
    void aBrokenSnippetFails(@TempDir Path out) {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> compile(new Snippet("README.md:1", "class Broken { void f() { undefined(); } }\n", 2), out));
        assertThat(e.getMessage()).contains("README.md:1 does not compile", "cannot find symbol");
    }

    static void compile(Snippet snippet, Path out) throws IOException {
        Matcher type = TYPE.matcher(snippet.code());
        assertThat(type.find()).as("%s: a complete source file with a top-level type", snippet.where()).isTrue();
        assertThat(snippet.code()).as("%s: no package line (the block is pasted into any package)", snippet.where())
                .doesNotContainPattern("(?m)^package ");
        Path dir = Files.createDirectories(out.resolve(snippet.where().replaceAll("\\W", "_")));
        Path source = dir.resolve(type.group(1) + ".java");
        Files.writeString(source, snippet.code());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath(), "-d", dir.toString(), "-proc:none", "-Xlint:none");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile())).call();
            StringBuilder report = new StringBuilder(snippet.where() + " does not compile:\n");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    report.append("  line ").append(snippet.firstLine() + d.getLineNumber() - 1).append(": ")
                            .append(d.getMessage(null).replace("\n", "\n    ")).append('\n');
                }
            }
            if (!ok) {
                throw new AssertionError(report.toString().stripTrailing());
            }
        }
    }

    /** The test class path; with surefire's manifest-only jar, the entries of its manifest. */
    static String classPath() throws IOException {
        String cp = System.getProperty("java.class.path");
        String[] entries = cp.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest manifest = jar.getManifest();
                String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    List<String> paths = new ArrayList<>();
                    for (String url : listed.trim().split("\\s+")) {
                        try {
                            paths.add(Path.of(new URI(url)).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            throw new UncheckedIOException(new IOException("bad Class-Path entry " + url, e));
                        }
                    }
                    return String.join(File.pathSeparator, paths);
                }
            }
        }
        return cp;
    }
}
