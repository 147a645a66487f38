package dev.smtpunit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A part of a received message that carries a file: one with a {@code Content-Disposition} of
 * {@code attachment}, or with a file name.
 *
 * @param fileName the file name, or an empty string when the part has none
 * @param contentType the MIME type without parameters, lower case, such as {@code application/pdf}
 * @param content the decoded bytes (a copy is handed out by {@link #content()})
 */
public record Attachment(String fileName, String contentType, byte[] content) {
    /**
     * Checks and copies the components.
     *
     * @param fileName the file name
     * @param contentType the MIME type
     * @param content the decoded bytes
     */
    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    /** {@return a copy of the decoded bytes} */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** {@return the size of the decoded content in bytes} */
    public int size() {
        return content.length;
    }

    /** {@return the content decoded as UTF-8} */
    public String contentAsString() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a
                && a.fileName.equals(fileName)
                && a.contentType.equals(contentType)
                && java.util.Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
