package dev.smtpunit.benchmarks;

/** A server under measurement: SmtpUnit or a peer. */
interface Target extends AutoCloseable {
    /** {@return a short name for the table} */
    String name();

    /** Starts listening on a free port. */
    void start() throws Exception;

    /** {@return the port} */
    int port();

    /** {@return how many messages are stored} */
    int stored();

    /** Forgets the stored messages. */
    void clear();

    /** Stops; the port is free afterwards. */
    @Override
    void close();
}
