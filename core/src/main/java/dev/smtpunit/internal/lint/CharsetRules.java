package dev.smtpunit.internal.lint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * RFC 2046 section 4.1.2 and RFC 6657: a text part declares its charset (US-ASCII is only the
 * default), the charset exists, and the decoded text is valid in it.
 */
final class CharsetRules implements LintRule {

    @Override
    public void check(LintContext c) {
        for (MimePart p : c.leaves()) {
            if (!p.isText()
                    || isAttachment(p)
                    || (p.contentType != null && p.contentType.getParseException() != null)) {
                continue;
            }
            byte[] text = Bodies.decoded(c.source, p);
            String charset = p.parameter("charset");
            HeaderField ct = p.entity.first("Content-Type");
            int at = ct == null ? p.entity.start() : ct.start();
            if (charset == null || charset.isBlank()) {
                if (firstHigh(text) >= 0) {
                    c.error(
                            "mime.charset.undeclared",
                            "RFC 2046 section 4.1.2",
                            p.mimeType + " has non-ASCII text but declares no charset (the default is US-ASCII)",
                            "Content-Type",
                            p.path,
                            at);
                } else {
                    c.warning(
                            "mime.charset.missing",
                            "RFC 2046 section 4.1.2; RFC 6657 section 4",
                            p.mimeType + " declares no charset; name it, for example charset=UTF-8",
                            "Content-Type",
                            p.path,
                            at);
                }
                continue;
            }
            Charset cs;
            try {
                cs = Charset.forName(charset.strip());
            } catch (IllegalArgumentException e) {
                c.error(
                        "mime.charset.unknown",
                        "RFC 2046 section 4.1.2",
                        "charset \"" + charset + "\" is not a known charset",
                        "Content-Type",
                        p.path,
                        at);
                continue;
            }
            CharsetDecoder decoder = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(text);
            try {
                decoder.decode(in);
            } catch (CharacterCodingException e) {
                c.error(
                        "mime.charset.decode",
                        "RFC 2046 section 4.1.2",
                        "the text does not decode as " + cs.name() + " (invalid octets near decoded offset "
                                + in.position() + ")",
                        "Content-Type",
                        p.path,
                        at);
            }
        }
    }

    static boolean isAttachment(MimePart p) {
        HeaderField cd = p.entity.first("Content-Disposition");
        return cd != null && cd.value().toLowerCase(java.util.Locale.ROOT).startsWith("attachment");
    }

    private static int firstHigh(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return -1;
    }
}
