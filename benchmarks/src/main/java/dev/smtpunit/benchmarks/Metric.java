package dev.smtpunit.benchmarks;

/** One row of the benchmark's table: what is measured, its unit, and which way is better. */
enum Metric {
    CYCLE("per-test cycle (start, connect, EHLO, 1 KB, QUIT, seen, stop), ms", true),
    CYCLE_SEND("\u2014 of which: send one message (connect to seen), ms", true),
    CYCLE_START("\u2014 of which: start, ms", true),
    CYCLE_STOP("\u2014 of which: stop, ms", true),
    START_STOP("start + stop alone, ms", true),
    NEW_CONNECTION("a new connection per message, 8 clients (as `smtp-source -s 8`), msg/s", false),
    ONE_CONNECTION("raw client, 1 connection, msg/s", false),
    EIGHT_CONNECTIONS("raw client, 8 connections, msg/s", false),
    JAKARTA_ONE("Jakarta Mail, 1 connection, msg/s", false),
    JAKARTA_EIGHT("Jakarta Mail, 8 connections, msg/s", false),
    ALLOCATED("server allocation per 1 KB message, B", true),
    RETAINED("retained heap per stored 1 KB message, B", true),
    COLD_START("cold start: first server + 1 message in a fresh JVM, minus a bare JVM, ms", true),
    BIG_TIME("25 MB message, ms", true),
    BIG_HEAP("25 MB message, transient heap, MB", true);

    final String label;
    final boolean lowerIsBetter;

    Metric(String label, boolean lowerIsBetter) {
        this.label = label;
        this.lowerIsBetter = lowerIsBetter;
    }
}
