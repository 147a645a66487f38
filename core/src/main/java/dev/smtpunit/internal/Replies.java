package dev.smtpunit.internal;

import org.apache.james.protocols.api.Response;

import java.util.List;

/** Builds James responses for the handlers we write ourselves. */
final class Replies {
    private Replies() {}

    static Response of(String code, String text) {
        return new Single(code, text, false);
    }

    /**
     * A one-line response of ours: its code and text as they are, which the connection takes
     * without building wire lines (James' own responses build a list and a line buffer for that).
     */
    static final class Single implements Response {
        private final String code;
        private final String text;
        private final boolean endSession;

        Single(String code, String text, boolean endSession) {
            this.code = code;
            this.text = text;
            this.endSession = endSession;
        }

        /** {@return the text after the code} */
        String text() {
            return text;
        }

        @Override
        public String getRetCode() {
            return code;
        }

        /** {@return the wire line without CRLF, as James' responses give it} */
        @Override
        public List<CharSequence> getLines() {
            return List.of(code + " " + text);
        }

        @Override
        public boolean isEndSession() {
            return endSession;
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }
}
