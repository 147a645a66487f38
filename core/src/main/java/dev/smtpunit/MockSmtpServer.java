package dev.smtpunit;

import dev.smtpunit.fault.Faults;
import dev.smtpunit.internal.ServerRuntime;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server inside the test's JVM, on 127.0.0.1 and a free port by default. It keeps every
 * message it accepts in its {@link Mailbox}, records every command and reply in its
 * {@link Transcript}, and misbehaves on purpose when told to through {@link #faults()}.
 *
 * <p>Starting and stopping cost about a millisecond: starting binds the listening socket and starts
 * its accept thread, nothing more, and servers share no threads. A server can be stopped and started again; it keeps its mailbox and transcript until {@link #reset()}.
 *
 * <pre>{@code
 * try (MockSmtpServer smtp = new MockSmtpServer().start()) {
 *     mailer.send(smtp.host(), smtp.port(), "ada@example.com", "Welcome");
 *     ReceivedMessage mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
 *     assertEquals("Welcome", mail.subject());
 * }
 * }</pre>
 */
public final class MockSmtpServer implements AutoCloseable {
    private final SmtpServerOptions options;
    private final Mailbox mailbox = new Mailbox();
    private final Transcript transcript;
    private final Faults faults = new Faults();
    private final AtomicInteger sessionIds = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile ServerRuntime runtime;
    private volatile ClientTrust clientTrust;

    /** A server with the default options; call {@link #start()}. */
    public MockSmtpServer() {
        this(SmtpServerOptions.defaults());
    }

    /**
     * A server with the given options; call {@link #start()}.
     *
     * @param options the settings
     */
    public MockSmtpServer(SmtpServerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.transcript = new Transcript(options.maxTranscriptSessions(), options.maxTranscriptEntries());
    }

    /**
     * Starts a server with the given options.
     *
     * @param options the settings
     * @return the running server
     */
    public static MockSmtpServer started(SmtpServerOptions options) {
        return new MockSmtpServer(options).start();
    }

    /**
     * Binds the port(s) and starts accepting connections.
     *
     * @return this server
     * @throws IllegalStateException when already running
     * @throws java.io.UncheckedIOException when a port is in use; the message names address and port
     */
    public synchronized MockSmtpServer start() {
        if (runtime != null) {
            throw new IllegalStateException("the SMTP server is already running on " + host() + ":" + port());
        }
        runtime = ServerRuntime.start(
                options, mailbox, transcript, faults, sessionIds, transactions, InternalAccess.INSTANCE);
        return this;
    }

    /** {@return whether the server is listening} */
    public boolean isRunning() {
        return runtime != null;
    }

    private ServerRuntime running() {
        ServerRuntime r = runtime;
        if (r == null) {
            throw new IllegalStateException("the SMTP server is not running: call start() first");
        }
        return r;
    }

    /** {@return the address clients connect to, such as {@code 127.0.0.1}} */
    public String host() {
        return running().plainAddress().getAddress().getHostAddress();
    }

    /** {@return the plain SMTP port the server listens on} */
    public int port() {
        return running().plainAddress().getPort();
    }

    /** {@return the plain SMTP address} */
    public InetSocketAddress address() {
        return running().plainAddress();
    }

    /**
     * The implicit-TLS (SMTPS) port.
     *
     * @return the port
     * @throws IllegalStateException when the options did not ask for implicit TLS
     */
    public int smtpsPort() {
        InetSocketAddress a = running().tlsAddress();
        if (a == null) {
            throw new IllegalStateException(
                    "this server has no implicit-TLS port: build its options with implicitTls(0)");
        }
        return a.getPort();
    }

    /**
     * Jakarta Mail properties that point a {@code Session} at this server's plain port, with 10 s
     * connect and read timeouts so that a broken test fails instead of hanging.
     * <pre>{@code Session session = Session.getInstance(smtp.properties());}</pre>
     *
     * @return new properties, free to change
     */
    public java.util.Properties properties() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("mail.smtp.host", host());
        p.setProperty("mail.smtp.port", Integer.toString(port()));
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "10000");
        return p;
    }

    /**
     * The Spring Boot properties that point {@code spring.mail.*} at this server; for
     * {@code @DynamicPropertySource} or a test property source.
     *
     * @return {@code spring.mail.host} and {@code spring.mail.port}, in that order
     */
    public java.util.Map<String, String> springMailProperties() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("spring.mail.host", host());
        m.put("spring.mail.port", Integer.toString(port()));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@return the options the server was made with} */
    public SmtpServerOptions options() {
        return options;
    }

    /** {@return the messages received} */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** {@return every session's commands and replies} */
    public Transcript transcript() {
        return transcript;
    }

    /** {@return the fault rules, to script misbehaviour} */
    public Faults faults() {
        return faults;
    }

    /**
     * What a client needs to trust this server's certificate.
     *
     * @return the trust material
     * @throws IllegalStateException when TLS is not enabled in the options
     */
    public ClientTrust clientTrust() {
        ClientTrust t = clientTrust;
        if (t == null) {
            if (!options.tlsEnabled()) {
                throw new IllegalStateException(
                        "TLS is off: build the options with startTls(OFFERED or REQUIRED) or implicitTls(0)");
            }
            t = new ClientTrust(running().certificateChain());
            clientTrust = t;
        }
        return t;
    }

    /** {@return the next session number, shared with {@link MockProviderApis} so that transcript sessions stay unique} */
    int nextSessionId() {
        return sessionIds.incrementAndGet();
    }

    /** Forgets all messages, transcript sessions and fault rules, for reuse between tests. */
    public void reset() {
        mailbox.clear();
        transcript.clear();
        faults.clear();
    }

    /** Stops the server; the ports are free when this returns. Idempotent. */
    public synchronized void stop() {
        ServerRuntime r = runtime;
        runtime = null;
        if (r != null) {
            r.stop();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        ServerRuntime r = runtime;
        return "MockSmtpServer["
                + (r == null
                        ? "stopped"
                        : r.plainAddress().getAddress().getHostAddress() + ":"
                                + r.plainAddress().getPort())
                + ", " + mailbox.size() + " messages]";
    }
}
