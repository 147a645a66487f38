package dev.smtpunit.examples;

import dev.smtpunit.testsupport.DocSnippets;
import dev.smtpunit.testsupport.DocSnippets.Snippet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of README.md and docs/*.md is a complete source file that compiles
 * against this module's test class path, so a documentation edit that breaks a snippet fails the
 * build. Blocks right after {@code <!-- compile: spring -->} or {@code <!-- compile: quarkus -->}
 * need those frameworks and are compiled by the modules that have them ({@link DocSnippets}).
 */
class DocsSnippetsCompileTest {
    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles(@TempDir Path out) throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path doc : DocSnippets.documents()) {
            all.addAll(DocSnippets.unmarked(doc));
        }
        assertThat(all).as("java blocks found in the documentation").hasSizeGreaterThan(5);
        return all.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> DocSnippets.compile(s, out)));
    }

    @Test
    void findsBlocksAndHonoursTheSkipMarker(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("x.md");
        Files.writeString(doc, "text\n```java\nclass A {}\n```\n<!-- compile: spring -->\n```java\nclass B {}\n```\n");
        assertThat(DocSnippets.unmarked(doc)).extracting(Snippet::code).containsExactly("class A {}\n");
        assertThat(DocSnippets.marked(doc, "spring")).extracting(Snippet::code).containsExactly("class B {}\n");
    }

    @Test
    void aBrokenSnippetFails(@TempDir Path out) {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(
                AssertionError.class,
                () -> DocSnippets.compile(
                        new Snippet("README.md:1", "class Broken { void f() { undefined(); } }\n", 2, null), out));
        assertThat(e.getMessage()).contains("README.md:1 does not compile", "cannot find symbol");
    }
}
