package dev.smtpunit.benchmarks;

import dev.smtpunit.MockSmtpServer;

/** SmtpUnit with default options. */
final class SmtpUnitTarget implements Target {
    private MockSmtpServer server;

    @Override
    public String name() {
        return "SmtpUnit";
    }

    @Override
    public void start() {
        server = new MockSmtpServer().start();
    }

    MockSmtpServer server() {
        return server;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int stored() {
        return server.mailbox().size();
    }

    @Override
    public void clear() {
        server.reset();
    }

    @Override
    public void close() {
        server.close();
    }
}
