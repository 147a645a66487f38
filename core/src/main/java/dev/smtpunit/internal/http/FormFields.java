package dev.smtpunit.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of an HTML form body, {@code multipart/form-data} (RFC 7578) or
 * {@code application/x-www-form-urlencoded}, in order, with file parts kept as bytes: our own small
 * reader, for the same reason as {@link Json}.
 */
final class FormFields {
    /**
     * One field.
     *
     * @param name the field name
     * @param value the value as text (UTF-8 unless the part says otherwise)
     * @param filename the file name of a file part, or null
     * @param contentType the part's content type, or null
     * @param bytes the value's bytes
     */
    record Field(String name, String value, String filename, String contentType, byte[] bytes) {}

    /** A body that is not a well-formed form. */
    static final class FormException extends Exception {
        private static final long serialVersionUID = 1L;

        FormException(String message) {
            super(message);
        }
    }

    private FormFields() {}

    static List<Field> read(HttpRequest request) throws FormException {
        String type = request.mediaType();
        if (type.equals("application/x-www-form-urlencoded")) {
            List<Field> out = new ArrayList<>();
            HttpRequest.Forms.urlEncoded(request.bodyText())
                    .forEach((k, vs) ->
                            vs.forEach(v -> out.add(new Field(k, v, null, null, v.getBytes(StandardCharsets.UTF_8)))));
            return out;
        }
        if (type.equals("multipart/form-data")) {
            String boundary = parameter(request.header("Content-Type"), "boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new FormException("multipart/form-data without a boundary");
            }
            return multipart(request.body(), boundary);
        }
        throw new FormException(
                "expected multipart/form-data or application/x-www-form-urlencoded, got '" + type + "'");
    }

    static String parameter(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String p : header.split(";")) {
            String t = p.trim();
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = t.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static List<Field> multipart(byte[] body, String boundary) throws FormException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Field> out = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new FormException("the multipart boundary never appears");
        }
        while (true) {
            pos += delimiter.length;
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return out;
            }
            pos = skipLine(body, pos);
            int next = indexOf(body, delimiter, pos);
            if (next < 0) {
                throw new FormException("the multipart body has no closing boundary");
            }
            int end = next;
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
                end -= 2;
            } else if (end >= 1 && body[end - 1] == '\n') {
                end -= 1;
            }
            out.add(part(body, pos, end));
            pos = next;
        }
    }

    private static Field part(byte[] body, int start, int end) throws FormException {
        String name = null;
        String filename = null;
        String contentType = null;
        int pos = start;
        while (true) {
            int eol = pos;
            while (eol < end && body[eol] != '\n') {
                eol++;
            }
            String line = new String(body, pos, eol - pos, StandardCharsets.UTF_8);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            pos = Math.min(eol + 1, end);
            if (line.isEmpty() || eol >= end) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new FormException("malformed part header: " + line);
            }
            String h = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String v = line.substring(colon + 1).trim();
            if (h.equals("content-disposition")) {
                name = parameter(v, "name");
                filename = parameter(v, "filename");
            } else if (h.equals("content-type")) {
                contentType = v;
            }
        }
        if (name == null) {
            throw new FormException("a part without a field name");
        }
        byte[] bytes = java.util.Arrays.copyOfRange(body, pos, Math.max(pos, end));
        Charset cs = StandardCharsets.UTF_8;
        String charset = parameter(contentType, "charset");
        if (charset != null) {
            try {
                cs = Charset.forName(charset);
            } catch (IllegalArgumentException e) {
                throw new FormException("unknown charset " + charset + " in field " + name);
            }
        }
        return new Field(name, new String(bytes, cs), filename, contentType, bytes);
    }

    private static int skipLine(byte[] b, int pos) {
        while (pos < b.length && b[pos] != '\n') {
            pos++;
        }
        return pos + 1;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
