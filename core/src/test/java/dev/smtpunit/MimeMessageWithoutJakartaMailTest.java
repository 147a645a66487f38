package dev.smtpunit;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jakarta Mail is optional: the views never need it, and {@code mimeMessage()} says what to add when it
 * is missing, entirely or only its implementation. Each case runs in a class loader holding the test
 * class path without the jars that carry the hidden part.
 */
class MimeMessageWithoutJakartaMailTest {
    private static final String ADD = "add org.eclipse.angus:angus-mail (Jakarta Mail 2.x) to the test class path, "
            + "or use SmtpUnit's own views (subject(), textBody(), attachments(), ...), which do not need it";

    @Test
    void withJakartaMailItParses() throws Exception {
        assertThat(probeWithout("no/such/entry")).isEqualTo("probe: probe");
    }

    @Test
    void withoutAnImplementationItNamesTheJarToAdd() throws Exception {
        assertThat(probeWithout("META-INF/services/jakarta.mail.util.StreamProvider"))
                .isEqualTo("probe: mimeMessage() found the Jakarta Mail API but no implementation of it: " + ADD);
    }

    @Test
    void withoutJakartaMailAtAllItNamesTheJarToAdd() throws Exception {
        assertThat(probeWithout("jakarta/mail/", "META-INF/services/jakarta.mail.util.StreamProvider"))
                .isEqualTo("probe: mimeMessage() needs Jakarta Mail, which is not on the class path: " + ADD);
    }

    @SuppressWarnings("unchecked")
    private static String probeWithout(String... markers) throws Exception {
        List<URL> urls = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !carries(Path.of(entry), markers)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Callable<String> probe = (Callable<String>) loader.loadClass(MimeMessageProbe.class.getName())
                    .getConstructor()
                    .newInstance();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return probe.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static boolean carries(Path entry, String... markers) throws IOException {
        if (!Files.isRegularFile(entry)) {
            return false; // the module's own class directories stay
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.stream()
                    .anyMatch(e ->
                            List.of(markers).stream().anyMatch(m -> e.getName().startsWith(m)));
        }
    }
}
