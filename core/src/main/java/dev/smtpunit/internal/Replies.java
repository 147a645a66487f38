package dev.smtpunit.internal;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;

/** Builds James responses for the handlers we write ourselves. */
final class Replies {
    private Replies() {}

    static Response of(String code, String text) {
        return new Single(code, text);
    }

    /**
     * A one-line response of ours, whose text the connection takes as it is rather than from the
     * wire lines James builds anew (and with a large buffer each) on every {@link #getLines()}.
     */
    static final class Single extends SMTPResponse {
        Single(String code, String text) {
            super(code, text);
        }

        /**
         * {@return the text after the code, or null when the response is no longer one line with a
         * three-digit code (then its lines are to be read as usual)}
         */
        String text() {
            return lines.size() == 1 && getRetCode().length() == 3 ? lines.get(0).toString() : null;
        }
    }
}
