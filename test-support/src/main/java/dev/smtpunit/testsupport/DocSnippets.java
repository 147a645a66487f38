package dev.smtpunit.testsupport;

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

/**
 * The one compiler of the documentation's Java: every {@code ```java} block of README.md and
 * docs/*.md is a complete source file. A block right after {@code <!-- compile: spring -->} (or
 * {@code quarkus}) needs that framework and is compiled by a module that has it ({@link #marked});
 * every other block compiles against the examples module's test class path ({@link #unmarked}).
 */
public final class DocSnippets {
    private static final Pattern MARKER = Pattern.compile("<!--\\s*compile:\\s*(\\w+)\\s*-->");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    private DocSnippets() {}

    /**
     * One {@code ```java} block.
     *
     * @param where the document and the line of the opening fence
     * @param code the text between the fences
     * @param firstLine the document line of the block's first line of code
     * @param marker the framework named by a {@code <!-- compile: ... -->} line right before the fence, or null
     */
    public record Snippet(String where, String code, int firstLine, String marker) {}

    /** {@return the project's root: the first directory above the working directory with README.md and a pom} */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("core"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    /**
     * {@return README.md and docs/*.md, in that order}
     *
     * @throws IOException when the docs folder cannot be read
     */
    public static List<Path> documents() throws IOException {
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

    /**
     * The Java blocks of a document.
     *
     * @param document a Markdown file
     * @return its {@code ```java} blocks, in order
     * @throws IOException when it cannot be read
     */
    public static List<Snippet> all(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        Path root = root();
        String name = document.toAbsolutePath().normalize().startsWith(root)
                ? root.relativize(document.toAbsolutePath().normalize()).toString()
                : document.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            Matcher marker = start > 0 ? MARKER.matcher(lines.get(start - 1)) : null;
            out.add(new Snippet(
                    name + ":" + (start + 1),
                    code.toString(),
                    start + 2,
                    marker != null && marker.find() ? marker.group(1) : null));
        }
        return out;
    }

    /**
     * The Java blocks of a document that no {@code <!-- compile: ... -->} marker assigns to a framework.
     *
     * @param document a Markdown file
     * @return its blocks that name no framework
     * @throws IOException when it cannot be read
     */
    public static List<Snippet> unmarked(Path document) throws IOException {
        return all(document).stream().filter(s -> s.marker() == null).toList();
    }

    /**
     * The Java blocks of a document that a {@code <!-- compile: framework -->} marker assigns to one framework.
     *
     * @param document a Markdown file
     * @param framework the name in {@code <!-- compile: framework -->}
     * @return its blocks right after that marker
     * @throws IOException when it cannot be read
     */
    public static List<Snippet> marked(Path document, String framework) throws IOException {
        return all(document).stream().filter(s -> framework.equals(s.marker())).toList();
    }

    /**
     * Compiles one block against the test class path.
     *
     * @param snippet the block
     * @param out a scratch directory
     * @throws IOException when the scratch files cannot be written
     * @throws AssertionError naming the document line of each error when the block does not compile
     */
    public static void compile(Snippet snippet, Path out) throws IOException {
        Matcher type = TYPE.matcher(snippet.code());
        if (!type.find()) {
            throw new AssertionError(snippet.where() + ": not a complete source file with a top-level type");
        }
        if (Pattern.compile("(?m)^package ").matcher(snippet.code()).find()) {
            throw new AssertionError(snippet.where() + ": has a package line (the block is pasted into any package)");
        }
        Path dir = Files.createDirectories(out.resolve(snippet.where().replaceAll("\\W", "_")));
        Path source = dir.resolve(type.group(1) + ".java");
        Files.writeString(source, snippet.code());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options =
                    List.of("-classpath", classPath(), "-d", dir.toString(), "-proc:none", "-Xlint:none");
            boolean ok = javac.getTask(
                            null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile()))
                    .call();
            StringBuilder report = new StringBuilder(snippet.where() + " does not compile:\n");
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    report.append("  line ")
                            .append(snippet.firstLine() + d.getLineNumber() - 1)
                            .append(": ")
                            .append(d.getMessage(null).replace("\n", "\n    "))
                            .append('\n');
                }
            }
            if (!ok) {
                throw new AssertionError(report.toString().stripTrailing());
            }
        }
    }

    /**
     * {@return the test class path; with surefire's manifest-only jar, the entries of its manifest}
     *
     * @throws IOException when that jar cannot be read
     */
    public static String classPath() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String[] entries = cp.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest manifest = jar.getManifest();
                String listed =
                        manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
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
