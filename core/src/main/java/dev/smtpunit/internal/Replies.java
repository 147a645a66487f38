package dev.smtpunit.internal;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;

/** Builds James responses for the handlers we write ourselves. */
final class Replies {
    private Replies() {}

    static Response of(String code, String text) {
        return new SMTPResponse(code, text);
    }

    static Response closing(String code, String text) {
        SMTPResponse r = new SMTPResponse(code, text);
        r.setEndSession(true);
        return r;
    }
}
