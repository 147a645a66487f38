package dev.smtpunit.internal;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * James' command handlers log through SLF4J. An application with an SLF4J provider (Logback, Log4j,
 * slf4j-simple, ...) gets their messages like any other library's, untouched. An application with
 * none would see SLF4J print "No SLF4J providers were found" the moment the first handler loads,
 * although SLF4J then drops every message anyway: in that case, and only then, SLF4J is initialised
 * here with that very no-operation provider, quietly, before James touches it. System properties
 * set for this are removed again; nothing is done when the application already chose a provider or
 * initialised SLF4J itself, or uses SLF4J 1.7 (whose binding rules are its own).
 */
final class QuietSlf4j {
    private static final String PROVIDER = "slf4j.provider";
    private static final String VERBOSITY = "slf4j.internal.verbosity";
    private static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

    private static boolean done;

    private QuietSlf4j() {}

    /** Once per JVM, before the first James (or Netty) class that logs is loaded. */
    static synchronized void beforeJames() {
        if (done) {
            return;
        }
        done = true;
        ClassLoader loader;
        Class<?> providerType;
        try {
            loader = Class.forName("org.slf4j.LoggerFactory", false, QuietSlf4j.class.getClassLoader()).getClassLoader();
            providerType = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
        } catch (ClassNotFoundException e) {
            return;
        }
        try {
            if (System.getProperty(PROVIDER) != null || loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null
                    || ServiceLoader.load(providerType, loader).stream().findAny().isPresent()) {
                // the application's own provider: bind it now, on one thread, so that no James logger
                // is created on another thread while SLF4J is still binding (SLF4J would then replay
                // those calls and print a warning about it)
                org.slf4j.LoggerFactory.getILoggerFactory();
                return;
            }
        } catch (ServiceConfigurationError e) {
            return; // a broken provider declaration is SLF4J's to report, not ours to hide
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
}
