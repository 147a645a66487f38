package dev.smtpunit.lint;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting and stopping a server with the default options (whose lint judges HTML for every client)
 * does not read the caniemail tables: that is paid by the first HTML compatibility check, not by
 * every test's server. Checked in a class loader of its own, which no other test has used.
 */
class ClientTablesReadLazilyTest {
    private static final String TABLES = "dev.smtpunit.internal.html.CanIEmailData";

    /** A class loader over the test class path that says which classes it has loaded. */
    private static final class Fresh extends URLClassLoader {
        Fresh(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            synchronized (getClassLoadingLock(name)) {
                return findLoadedClass(name) != null;
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServerStartsAndStopsWithoutTheTablesWhichTheFirstLookAtTheClientsReads() throws Exception {
        List<URL> urls = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (Fresh loader = new Fresh(urls.toArray(URL[]::new))) {
            Class<?> server = loader.loadClass("dev.smtpunit.MockSmtpServer");
            Object smtp =
                    server.getMethod("start").invoke(server.getConstructor().newInstance());
            server.getMethod("stop").invoke(smtp);
            assertThat(loader.loaded(TABLES))
                    .as("caniemail tables read by start/stop")
                    .isFalse();

            Object lint = loader.loadClass("dev.smtpunit.lint.MailLint")
                    .getMethod("defaults")
                    .invoke(null);
            Object clients = lint.getClass().getMethod("clients").invoke(lint);
            Set<String> keys =
                    (Set<String>) clients.getClass().getMethod("clients").invoke(clients);
            assertThat(keys).contains("gmail.android", "outlook.windows");
            assertThat(loader.loaded(TABLES)).isTrue();
        }
    }
}
