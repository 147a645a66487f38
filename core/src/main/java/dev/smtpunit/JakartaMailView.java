package dev.smtpunit;

import dev.smtpunit.internal.JakartaMessages;
import jakarta.mail.internet.MimeMessage;

/**
 * A received message as a Jakarta Mail {@link MimeMessage}, for code that already works with
 * Jakarta Mail. Jakarta Mail is an optional dependency of SmtpUnit: everyone who sends with it has it;
 * SmtpUnit's own views ({@link ReceivedMessage#subject()}, {@link ReceivedMessage#textBody()},
 * {@link ReceivedMessage#attachments()}, ...) never need it.
 *
 * <p>This method lives in an interface rather than in {@link ReceivedMessage} itself so that
 * {@code ReceivedMessage} never names a Jakarta Mail type: tools that reflect on it (AssertJ does to
 * print it) keep working in applications that send with {@code javax.mail} or with no mail library.
 *
 * <pre>{@code
 * MimeMessage parsed = mail.mimeMessage();
 * assertEquals("Invoice", parsed.getSubject());
 * }</pre>
 */
public sealed interface JakartaMailView permits ReceivedMessage {

    /**
     * Parses the content into a new Jakarta Mail message, on a private {@code Session}. Each call
     * returns a new object, so changing it changes nothing here.
     *
     * @return the parsed message
     * @throws IllegalStateException when the content cannot be parsed, or when Jakarta Mail (for
     *     example {@code org.eclipse.angus:angus-mail}) is not on the class path; the message says which
     */
    default MimeMessage mimeMessage() {
        return JakartaMessages.parse(((ReceivedMessage) this).rawBytes());
    }
}
