package dev.smtpunit.internal.lint;

import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Undoes a part's transfer encoding with mime4j's decoders. */
final class Bodies {
    private Bodies() {}

    static byte[] decoded(byte[] source, MimePart p) {
        byte[] raw = Arrays.copyOfRange(source, p.bodyStart(), Math.max(p.bodyStart(), p.bodyEnd));
        InputStream in = new ByteArrayInputStream(raw);
        try {
            return switch (p.transferEncoding) {
                case "base64" -> new Base64InputStream(in, DecodeMonitor.SILENT).readAllBytes();
                case "quoted-printable" -> new QuotedPrintableInputStream(in, DecodeMonitor.SILENT).readAllBytes();
                default -> raw;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
