package dev.smtpunit.internal;

import jakarta.mail.internet.MimeMessage;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Parses content with Jakarta Mail, which is optional: this class names no Jakarta Mail type outside
 * signatures, so it loads and checks for Jakarta Mail before {@link JakartaParser} is touched.
 */
public final class JakartaMessages {
    static final String ADD_JAKARTA_MAIL =
            "add org.eclipse.angus:angus-mail (Jakarta Mail 2.x) to the test class path, "
                    + "or use SmtpUnit's own views (subject(), textBody(), attachments(), ...), which do not need it";

    private JakartaMessages() {}

    /**
     * Parses content bytes into a new Jakarta Mail message.
     *
     * @param raw the content
     * @return a new message on a private session
     * @throws IllegalStateException when Jakarta Mail is missing or the content cannot be parsed
     */
    public static MimeMessage parse(byte[] raw) {
        ClassLoader loader = JakartaMessages.class.getClassLoader();
        try {
            Class.forName("jakarta.mail.internet.MimeMessage", false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "mimeMessage() needs Jakarta Mail, which is not on the class path: " + ADD_JAKARTA_MAIL);
        }
        if (!hasStreamProvider(loader)) {
            throw new IllegalStateException(
                    "mimeMessage() found the Jakarta Mail API but no implementation of it: " + ADD_JAKARTA_MAIL);
        }
        return JakartaParser.parse(raw);
    }

    /** Jakarta Mail 2.1 splits API and implementation; the implementation provides the streams. */
    private static boolean hasStreamProvider(ClassLoader loader) {
        Class<?> api;
        try {
            api = Class.forName("jakarta.mail.util.StreamProvider", false, loader);
        } catch (ClassNotFoundException e) {
            return true; // Jakarta Mail 2.0: API and implementation come in one jar
        }
        try {
            return ServiceLoader.load(api, loader).stream().findFirst().isPresent()
                    || ServiceLoader.load(api).stream().findFirst().isPresent();
        } catch (ServiceConfigurationError e) {
            return false;
        }
    }
}
