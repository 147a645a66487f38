package dev.smtpunit.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * James' command handlers log through SLF4J. An application with an SLF4J provider (Logback, Log4j,
 * slf4j-simple, ...) gets their messages like any other library's, untouched. An application with
 * none would see SLF4J print "No SLF4J providers were found" the moment the first handler loads,
 * although SLF4J then drops every message anyway: in that case, and only then, SLF4J is initialised
 * here with that very no-operation provider, quietly, before James touches it (SLF4J 2.0.9 and later
 * are told so with {@code slf4j.provider}; older 2.0 versions choose it themselves and their report is
 * held back). System properties and streams set for this are restored; nothing is done when the
 * application already chose a provider or initialised SLF4J itself, or uses SLF4J 1.7 (whose binding
 * rules are its own).
 */
final class QuietSlf4j {
    private static final String PROVIDER = "slf4j.provider";
    private static final String VERBOSITY = "slf4j.internal.verbosity";
    private static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

    private static boolean done;

    private QuietSlf4j() {}

    /** Once per JVM, before the first James class that logs is loaded. */
    static synchronized void beforeJames() {
        if (done) {
            return;
        }
        done = true;
        ClassLoader loader;
        Class<?> providerType;
        try {
            loader = Class.forName("org.slf4j.LoggerFactory", false, QuietSlf4j.class.getClassLoader())
                    .getClassLoader();
            providerType = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
        } catch (ClassNotFoundException e) {
            return;
        }
        try {
            if (System.getProperty(PROVIDER) != null
                    || loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null
                    || ServiceLoader.load(providerType, loader).stream()
                            .findAny()
                            .isPresent()) {
                // the application's own provider: bind it now, on one thread, so that no James logger
                // is created on another thread while SLF4J is still binding (SLF4J would then replay
                // those calls and print a warning about it)
                org.slf4j.LoggerFactory.getILoggerFactory();
                return;
            }
        } catch (ServiceConfigurationError e) {
            return; // a broken provider declaration is SLF4J's to report, not ours to hide
        }
        if (!honoursProviderProperty()) {
            initialiseWithoutReports();
            return;
        }
        boolean verbositySet = System.getProperty(VERBOSITY) != null;
        System.setProperty(PROVIDER, NOP_PROVIDER);
        if (!verbositySet) {
            System.setProperty(VERBOSITY, "WARN"); // hides only the "Attempting to load provider" notice
        }
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            System.clearProperty(PROVIDER);
            if (!verbositySet) {
                System.clearProperty(VERBOSITY);
            }
        }
    }

    /** {@return whether this SLF4J reads {@code slf4j.provider}: 2.0.9 and later, which name the key} */
    private static boolean honoursProviderProperty() {
        try {
            org.slf4j.LoggerFactory.class.getField("PROVIDER_PROPERTY_KEY");
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /**
     * SLF4J 2.0.0 to 2.0.8 cannot be told which provider to use: they fall back to the same
     * no-operation provider by themselves and report it on {@code System.err}. Their reports (lines
     * starting with {@code SLF4J: }) are held back while SLF4J initialises here; any other line written
     * to {@code System.err} meanwhile goes through.
     */
    private static void initialiseWithoutReports() {
        PrintStream err = System.err;
        System.setErr(new PrintStream(new Slf4jReportFilter(err), true, StandardCharsets.UTF_8));
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            System.err.flush();
            System.setErr(err);
        }
    }

    /** Passes whole lines on to the real stream, except SLF4J's own reports. */
    private static final class Slf4jReportFilter extends OutputStream {
        private static final byte[] REPORT = "SLF4J: ".getBytes(StandardCharsets.US_ASCII);
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Slf4jReportFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                pass();
            }
        }

        @Override
        public synchronized void flush() {
            pass();
            target.flush();
        }

        private void pass() {
            byte[] bytes = line.toByteArray();
            line.reset();
            if (!Arrays.equals(bytes, 0, Math.min(bytes.length, REPORT.length), REPORT, 0, REPORT.length)) {
                target.write(bytes, 0, bytes.length);
            }
        }
    }
}
