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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MAIL and RCPT never reach James' {@code MailAddress}, so {@code javax.mail} is never loaded: a whole
 * send works in a class loader that holds the test class path without any jar carrying
 * {@code javax.mail}.
 */
class NoJavaxMailTest {
    private static final String MARKER = "javax/mail/internet/AddressException.class";

    @Test
    @SuppressWarnings("unchecked")
    void aWholeSendNeedsNoJavaxMailClass() throws Exception {
        List<URL> urls = new ArrayList<>();
        int hidden = 0;
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            if (carriesJavaxMail(Path.of(entry))) {
                hidden++;
            } else {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("javax.mail.internet.AddressException", false, loader))
                    .as("the class loader must not see javax.mail (%d class path entries hidden)", hidden)
                    .isInstanceOf(ClassNotFoundException.class);
            Callable<List<String>> probe = (Callable<List<String>>) loader.loadClass(NoJavaxMailProbe.class.getName())
                    .getConstructor()
                    .newInstance();
            List<String> seen;
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader); // Jakarta Mail finds its implementation through it
            try {
                seen = probe.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
            assertThat(seen)
                    .containsExactly(
                            "250 2.1.0 Sender <> OK",
                            "250 2.1.5 Recipient <\"quoted local\"@example.com> OK",
                            "250 2.1.5 Recipient <b@example.com> OK",
                            "550 5.7.1 <c@[IPv6:2001:db8::1]>: Relay access denied",
                            "501 5.1.3 Syntax error in recipient address",
                            "354 End data with <CR><LF>.<CR><LF>",
                            "250 2.0.0 Ok: message accepted",
                            "Hi app@example.com -> [ada@example.com]",
                            "raw  -> [\"quoted local\"@example.com, b@example.com]");
        }
    }

    private static boolean carriesJavaxMail(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(MARKER));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.getEntry(MARKER) != null;
        }
    }
}
