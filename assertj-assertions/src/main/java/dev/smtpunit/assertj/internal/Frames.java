package dev.smtpunit.assertj.internal;

import dev.smtpunit.Mailbox;

import java.net.URL;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * Takes SmtpUnit's own frames (and AssertJ's and Awaitility's) out of a failure's stack trace, as
 * AssertJ does with its own, so that the trace and the line soft assertions print point at the
 * test.
 */
public final class Frames {
    private static final URL ASSERTIONS = location(Frames.class);
    private static final URL CORE = location(Mailbox.class);

    private Frames() {}

    /**
     * @param error a failure
     * @param <T> its type
     * @return the same failure, its stack trace without library frames
     */
    public static <T extends Throwable> T strip(T error) {
        StackTraceElement[] kept = Arrays.stream(error.getStackTrace())
                .filter(e -> !isLibrary(e.getClassName()))
                .toArray(StackTraceElement[]::new);
        if (kept.length > 0) {
            error.setStackTrace(kept);
        }
        return error;
    }

    private static boolean isLibrary(String className) {
        if (className.startsWith("org.assertj.")
                || className.startsWith("org.awaitility.")
                || className.contains("$ByteBuddy$")) {
            return true;
        }
        if (!className.startsWith("dev.smtpunit.")) {
            return false;
        }
        try {
            URL where = location(Class.forName(className, false, Frames.class.getClassLoader()));
            return where != null && (where.equals(ASSERTIONS) || where.equals(CORE));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : Objects.requireNonNull(source.getLocation());
    }
}
