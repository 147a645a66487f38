package dev.smtpunit;

import java.time.Instant;

/**
 * One line of a session's history: either a command and its reply ({@link Exchange}) or something
 * that happened to the connection ({@link Event}).
 */
public sealed interface TranscriptEntry
        permits TranscriptEntry.Exchange, TranscriptEntry.Event, TranscriptEntry.HttpExchange {

    /** {@return when it happened, in epoch milliseconds} */
    long timestampMillis();

    /** {@return when it happened} */
    default Instant at() {
        return Instant.ofEpochMilli(timestampMillis());
    }

    /**
     * A client line and the server's answer. The greeting is an exchange of phase
     * {@link SmtpPhase#CONNECT} with no client line; the message content is an exchange of phase
     * {@link SmtpPhase#END_OF_DATA} whose client line summarises the content.
     *
     * @param timestampMillis when the reply was sent (or the line received, when no reply was sent)
     * @param phase the command's phase
     * @param clientLine the line as received, without CRLF, with AUTH secrets masked; null for the greeting
     * @param reply the reply sent, or null when none was sent (connection closed, or still pending)
     * @param injected true when the reply (or the absence of one) came from a fault rule
     * @param pipelined true when the client sent this command before it had the reply to the previous one
     * @param continuation true when the client line answers an AUTH challenge ({@code 334}) rather than
     *     being a command of its own
     */
    record Exchange(
            long timestampMillis,
            SmtpPhase phase,
            String clientLine,
            SmtpReply reply,
            boolean injected,
            boolean pipelined,
            boolean continuation)
            implements TranscriptEntry {

        /**
         * An exchange whose client line, if any, is a command (not an AUTH continuation).
         *
         * @param timestampMillis when the reply was sent (or the line received, when no reply was sent)
         * @param phase the command's phase
         * @param clientLine the line as received, without CRLF, with AUTH secrets masked; null for the greeting
         * @param reply the reply sent, or null when none was sent
         * @param injected true when the reply (or the absence of one) came from a fault rule
         * @param pipelined true when the client sent this command before it had the reply to the previous one
         */
        public Exchange(
                long timestampMillis,
                SmtpPhase phase,
                String clientLine,
                SmtpReply reply,
                boolean injected,
                boolean pipelined) {
            this(timestampMillis, phase, clientLine, reply, injected, pipelined, false);
        }

        /**
         * {@return true when the client sent a command here: not for the greeting, a reply the server
         *     sent on its own (such as an idle-timeout 421), the message content or an AUTH continuation line}
         */
        public boolean isCommand() {
            return clientLine != null && !continuation && phase != SmtpPhase.END_OF_DATA;
        }

        /** {@return the reply code, or 0 when no reply was sent} */
        public int code() {
            return reply == null ? 0 : reply.code();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (clientLine != null) {
                sb.append("C: ").append(clientLine).append('\n');
            }
            if (reply == null) {
                sb.append("S: (no reply)")
                        .append(injected ? "  [injected]" : "")
                        .append('\n');
            } else {
                for (int i = 0; i < reply.lines().size(); i++) {
                    boolean last = i == reply.lines().size() - 1;
                    sb.append("S: ")
                            .append(reply.code())
                            .append(last ? ' ' : '-')
                            .append(reply.lines().get(i));
                    if (last && injected) {
                        sb.append("  [injected]");
                    }
                    sb.append('\n');
                }
            }
            return sb.toString();
        }
    }

    /**
     * One HTTP request to a provider API and the server's response. API keys, tokens and signatures
     * are masked; the request body is kept up to {@value #BODY_LIMIT} characters.
     *
     * @param timestampMillis when the response was sent (or the connection closed)
     * @param provider the API the request was for, or null when the path belongs to none
     * @param method the request method
     * @param path the request target
     * @param requestHeaders the relevant request header fields ({@code Name: value}), secrets masked
     * @param requestBody the request body as text, cut at {@value #BODY_LIMIT} characters
     * @param status the response status, or 0 when none was sent (closed or stalled)
     * @param responseHeaders the response header fields as sent ({@code Name: value})
     * @param responseBody the response body as text
     * @param injected true when the response (or its absence) came from a fault rule
     */
    record HttpExchange(
            long timestampMillis,
            Provider provider,
            String method,
            String path,
            java.util.List<String> requestHeaders,
            String requestBody,
            int status,
            java.util.List<String> responseHeaders,
            String responseBody,
            boolean injected)
            implements TranscriptEntry {
        /** How much of a request body the transcript keeps. */
        public static final int BODY_LIMIT = 4096;

        /**
         * Copies the lists.
         *
         * @param timestampMillis when the response was sent
         * @param provider the API, or null
         * @param method the method
         * @param path the target
         * @param requestHeaders the relevant request headers
         * @param requestBody the request body text
         * @param status the status, or 0
         * @param responseHeaders the response headers
         * @param responseBody the response body text
         * @param injected whether a fault rule made the response
         */
        public HttpExchange {
            requestHeaders = java.util.List.copyOf(requestHeaders);
            responseHeaders = java.util.List.copyOf(responseHeaders);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append("C: ").append(method).append(' ').append(path).append('\n');
            for (String h : requestHeaders) {
                sb.append("C: ").append(h).append('\n');
            }
            if (!requestBody.isEmpty()) {
                sb.append("C: ").append(requestBody.replace("\n", "\nC: ")).append('\n');
            }
            if (status == 0) {
                sb.append("S: (no response)")
                        .append(injected ? "  [injected]" : "")
                        .append('\n');
                return sb.toString();
            }
            sb.append("S: ")
                    .append(status)
                    .append(injected ? "  [injected]" : "")
                    .append('\n');
            for (String h : responseHeaders) {
                sb.append("S: ").append(h).append('\n');
            }
            if (!responseBody.isEmpty()) {
                sb.append("S: ").append(responseBody).append('\n');
            }
            return sb.toString();
        }
    }

    /**
     * Something that happened to the connection rather than a command.
     *
     * @param timestampMillis when it happened
     * @param kind what happened
     * @param detail a human-readable description
     */
    record Event(long timestampMillis, Kind kind, String detail) implements TranscriptEntry {
        @Override
        public String toString() {
            return "*  " + detail + "\n";
        }
    }

    /** The kinds of {@link Event}. */
    enum Kind {
        /** The client connected. */
        CONNECTED,
        /** A TLS handshake completed; the detail names protocol and cipher. */
        TLS_ESTABLISHED,
        /** A TLS handshake failed; the detail says why. */
        TLS_FAILED,
        /** The client closed the connection. */
        CLOSED_BY_CLIENT,
        /** The server closed the connection. */
        CLOSED_BY_SERVER,
        /** The client broke a protocol rule; the detail says which. */
        PROTOCOL_VIOLATION,
        /** A fault rule acted without a reply (for example a delay). */
        FAULT,
        /** Lint found problems in a message, or a receiver profile refused it; the detail names the rule. */
        CONTENT_CHECK,
        /**
         * The mailbox was full ({@link SmtpServerOptions#maxStoredMessages()}): storing this session's
         * message dropped the oldest one; the detail says which and how many were dropped so far.
         */
        MESSAGE_DROPPED,
        /**
         * Stands for the entries of a long session left out to keep within
         * {@link SmtpServerOptions#maxTranscriptEntries()}; the detail says how many. Never recorded
         * as such: {@link SessionTranscript#entries()} puts it where they were.
         */
        ENTRIES_DROPPED
    }
}
