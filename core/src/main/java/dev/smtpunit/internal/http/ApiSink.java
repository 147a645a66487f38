package dev.smtpunit.internal.http;

import dev.smtpunit.SessionTranscript;
import dev.smtpunit.TranscriptEntry;

import java.net.InetSocketAddress;

/**
 * Where the provider API server puts what it accepts and records: handed to it by its constructor
 * (from {@code MockProviderApis}), so that API mail lands in the same mailbox and transcript as SMTP
 * mail without a static registry.
 */
public interface ApiSink {
    /**
     * Registers the transcript of a new HTTP connection.
     *
     * @param client the client's address
     * @return the connection's transcript
     */
    SessionTranscript openSession(InetSocketAddress client);

    /**
     * Appends a request and its response to a connection's transcript.
     *
     * @param session the connection's transcript
     * @param exchange what was asked and answered
     */
    void record(SessionTranscript session, TranscriptEntry.HttpExchange exchange);

    /**
     * Records that a connection has ended, which ends its transcript.
     *
     * @param session the connection's transcript
     * @param byServer whether the server closed it
     * @param detail why
     */
    void closed(SessionTranscript session, boolean byServer, String detail);

    /**
     * Stores one message an accepted call made.
     *
     * @param message the message
     * @param session the transcript of the connection the call came on (its number goes into the envelope)
     */
    void deliver(ApiMessage message, SessionTranscript session);
}
