package dev.smtpunit;

import dev.smtpunit.fault.ApiFaults;
import dev.smtpunit.internal.SelfSignedCertificate;
import dev.smtpunit.internal.http.ApiCredentials;
import dev.smtpunit.internal.http.ApiMessage;
import dev.smtpunit.internal.http.ApiServer;
import dev.smtpunit.internal.http.ApiSink;
import dev.smtpunit.internal.http.HttpServerRuntime;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The HTTP APIs of email providers (SendGrid, Mailgun, Postmark, Amazon SES) inside the test's JVM,
 * beside a {@link MockSmtpServer}: every call the provider would accept becomes
 * {@link ReceivedMessage}s in the server's {@link Mailbox} (with {@link ReceivedMessage#providerData()}),
 * every exchange goes into its {@link Transcript} (keys masked), and {@link #faults()} scripts
 * refusals. A request the provider would refuse is refused with the provider's status and error body.
 * Plain HTTP and HTTPS on 127.0.0.1 and free ports; the HTTPS certificate is trusted through
 * {@link #clientTrust()}. The key and credential settings apply from the next request on, also
 * while running, so that an instance the JUnit extension injects can be configured in the test.
 *
 * <pre>{@code
 * try (MockSmtpServer smtp = new MockSmtpServer();
 *      MockProviderApis apis = new MockProviderApis(smtp).start()) {
 *     SendGrid sendGrid = new SendGrid("SG.test-key", true);
 *     sendGrid.setHost(apis.hostAndPort());
 *     ...
 *     ReceivedMessage mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
 * }
 * }</pre>
 */
public final class MockProviderApis implements AutoCloseable {
    /** The AWS access key id accepted unless {@link #awsCredentials} sets another. */
    public static final String DEFAULT_AWS_ACCESS_KEY_ID = "AKIASMTPUNITTEST0000";
    /** The AWS secret key signatures are checked with unless {@link #awsCredentials} sets another. */
    public static final String DEFAULT_AWS_SECRET_KEY = "smtpunit/test/secret/key/0000000000000000";
    /** The SES region unless {@link #awsRegion} sets another. */
    public static final String DEFAULT_AWS_REGION = "us-east-1";

    private final MockSmtpServer smtp;
    private final ApiFaults faults = new ApiFaults();
    private volatile String sendGridApiKey;
    private volatile String mailgunApiKey;
    private volatile Set<String> mailgunDomains = Set.of();
    private volatile String postmarkServerToken;
    private volatile String awsAccessKeyId = DEFAULT_AWS_ACCESS_KEY_ID;
    private volatile String awsSecretKey = DEFAULT_AWS_SECRET_KEY;
    private volatile String awsRegion = DEFAULT_AWS_REGION;
    private volatile HttpServerRuntime runtime;
    private volatile ApiServer server;
    private volatile ClientTrust trust;

    /**
     * APIs whose mail goes to this SMTP server's mailbox and transcript (the SMTP server need not be
     * running); call {@link #start()}.
     *
     * @param smtp the server whose mailbox, transcript and session numbering are shared
     */
    public MockProviderApis(MockSmtpServer smtp) {
        this.smtp = Objects.requireNonNull(smtp, "smtp");
    }

    /**
     * Accepts only this SendGrid API key (by default any key that starts with {@code SG.}).
     *
     * @param key the key
     * @return this
     */
    public MockProviderApis sendGridApiKey(String key) {
        this.sendGridApiKey = requireKey(key, "key");
        return this;
    }

    /**
     * Accepts only this Mailgun API key (by default any non-empty key) for the user {@code api}.
     *
     * @param key the key
     * @return this
     */
    public MockProviderApis mailgunApiKey(String key) {
        this.mailgunApiKey = requireKey(key, "key");
        return this;
    }

    /**
     * Lets only these Mailgun sending domains exist (by default any); others get Mailgun's 404.
     *
     * @param domains the domains
     * @return this
     */
    public MockProviderApis mailgunDomains(String... domains) {
        this.mailgunDomains = Set.of(domains);
        return this;
    }

    /**
     * Accepts only this Postmark server token (by default any non-empty token).
     *
     * @param token the token
     * @return this
     */
    public MockProviderApis postmarkServerToken(String token) {
        this.postmarkServerToken = requireKey(token, "token");
        return this;
    }

    /**
     * The AWS credentials SES requests must be signed with (Signature Version 4).
     *
     * @param accessKeyId the access key id
     * @param secretKey the secret key
     * @return this
     */
    public MockProviderApis awsCredentials(String accessKeyId, String secretKey) {
        this.awsAccessKeyId = requireKey(accessKeyId, "accessKeyId");
        this.awsSecretKey = requireKey(secretKey, "secretKey");
        return this;
    }

    /**
     * The region SES signatures must name.
     *
     * @param region such as {@code eu-west-1}
     * @return this
     */
    public MockProviderApis awsRegion(String region) {
        this.awsRegion = requireKey(region, "region");
        return this;
    }

    private static String requireKey(String key, String name) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return key;
    }

    /**
     * Binds a plain and an HTTPS port on 127.0.0.1 and starts answering.
     *
     * @return this
     * @throws IllegalStateException when already running
     */
    public synchronized MockProviderApis start() {
        if (runtime != null) {
            throw new IllegalStateException("the provider APIs are already running on " + hostAndPort());
        }
        ApiServer s = new ApiServer(this::credentials, new Sink(), faults);
        SmtpServerOptions o = smtp.options();
        runtime = HttpServerRuntime.start(
                loopback(),
                0,
                0,
                Tls.CONTEXT,
                s,
                new HttpServerRuntime.Limits(o.idleTimeout(), o.tlsHandshakeTimeout(), o.maxConnections()));
        server = s;
        return this;
    }

    private ApiCredentials credentials() {
        return new ApiCredentials(
                sendGridApiKey,
                mailgunApiKey,
                mailgunDomains,
                postmarkServerToken,
                awsAccessKeyId,
                awsSecretKey,
                awsRegion);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServerRuntime running() {
        HttpServerRuntime r = runtime;
        if (r == null) {
            throw new IllegalStateException("the provider APIs are not running: call start() first");
        }
        return r;
    }

    /** {@return the plain HTTP address} */
    public InetSocketAddress address() {
        return running().plainAddress();
    }

    /** {@return the HTTPS address} */
    public InetSocketAddress secureAddress() {
        return running().secureAddress();
    }

    /** {@return {@code 127.0.0.1:PORT} of the plain port, for clients that take a host (SendGrid's {@code setHost})} */
    public String hostAndPort() {
        return "127.0.0.1:" + address().getPort();
    }

    /** {@return {@code 127.0.0.1:PORT} of the HTTPS port} */
    public String secureHostAndPort() {
        return "127.0.0.1:" + secureAddress().getPort();
    }

    /**
     * The plain-HTTP base URL of an API, without a trailing slash: {@code http://127.0.0.1:PORT} (for
     * Mailgun, Postmark and SES clients that take a base URL or endpoint).
     *
     * @param provider the API
     * @return the URL
     */
    public String baseUrl(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        return "http://" + hostAndPort();
    }

    /**
     * The HTTPS base URL of an API, without a trailing slash: {@code https://127.0.0.1:PORT}; trust
     * it with {@link #clientTrust()}.
     *
     * @param provider the API
     * @return the URL
     */
    public String secureBaseUrl(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        return "https://" + secureHostAndPort();
    }

    /** {@return what a client needs to trust the HTTPS port's certificate} */
    public ClientTrust clientTrust() {
        ClientTrust t = trust;
        if (t == null) {
            t = new ClientTrust(List.of(SelfSignedCertificate.shared().certificate()));
            trust = t;
        }
        return t;
    }

    /** {@return the fault rules of the APIs} */
    public ApiFaults faults() {
        return faults;
    }

    /** {@return the shared mailbox (the SMTP server's)} */
    public Mailbox mailbox() {
        return smtp.mailbox();
    }

    /** {@return the shared transcript (the SMTP server's)} */
    public Transcript transcript() {
        return smtp.transcript();
    }

    /**
     * How many requests an API has had since start, refused and fault-answered ones included: for
     * clients that retry on their own.
     *
     * @param provider the API
     * @return the count, 0 when stopped
     */
    public int calls(Provider provider) {
        ApiServer s = server;
        return s == null ? 0 : s.calls(provider);
    }

    /** Forgets the fault rules (the mailbox and transcript belong to the SMTP server: reset that). */
    public void reset() {
        faults.clear();
    }

    /** {@return whether the APIs are listening} */
    public boolean isRunning() {
        return runtime != null;
    }

    /** Stops the APIs; the ports are free when this returns. Idempotent. */
    public synchronized void stop() {
        HttpServerRuntime r = runtime;
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
        HttpServerRuntime r = runtime;
        return "MockProviderApis["
                + (r == null
                        ? "stopped"
                        : "http " + r.plainAddress().getPort() + ", https "
                                + r.secureAddress().getPort())
                + "]";
    }

    /** Puts the APIs' mail and exchanges where the SMTP server's go. */
    private final class Sink implements ApiSink {
        @Override
        public SessionTranscript openSession(InetSocketAddress client) {
            return smtp.transcript().open(smtp.nextSessionId(), client);
        }

        @Override
        public void record(SessionTranscript session, TranscriptEntry.HttpExchange exchange) {
            session.addHttp(exchange);
        }

        @Override
        public void closed(SessionTranscript session, boolean byServer, String detail) {
            session.addEvent(
                    System.currentTimeMillis(),
                    byServer ? TranscriptEntry.Kind.CLOSED_BY_SERVER : TranscriptEntry.Kind.CLOSED_BY_CLIENT,
                    detail);
        }

        @Override
        public void deliver(ApiMessage m, SessionTranscript session) {
            List<Recipient> recipients = new ArrayList<>(m.recipients().size());
            for (String r : m.recipients()) {
                recipients.add(new Recipient(r, Map.of()));
            }
            dev.smtpunit.internal.SessionInfo info =
                    new dev.smtpunit.internal.SessionInfo(session.id(), m.client(), "");
            Envelope envelope = new Envelope(
                    info, m.sender(), Map.of(), List.copyOf(recipients), m.user(), null, 1, System.currentTimeMillis());
            ProviderData data = new ProviderData(
                    m.provider(),
                    m.messageId(),
                    m.templateId(),
                    m.templateData(),
                    m.tags(),
                    m.metadata(),
                    m.scheduledAt(),
                    m.sandbox(),
                    m.settings());
            int limit = smtp.options().maxStoredMessages();
            ReceivedMessage dropped = smtp.mailbox().add(new ReceivedMessage(envelope, m.mime(), data), limit);
            if (dropped != null) {
                session.addEvent(
                        System.currentTimeMillis(),
                        TranscriptEntry.Kind.MESSAGE_DROPPED,
                        "mailbox full (maxStoredMessages "
                                + limit + "): dropped the oldest message, from session "
                                + dropped.envelope().sessionId() + ", "
                                + smtp.mailbox().droppedCount() + " dropped so far");
            }
        }
    }

    /** The HTTPS side: the shared self-signed certificate for localhost and 127.0.0.1. */
    private static final class Tls {
        static final SSLContext CONTEXT = context();

        private static SSLContext context() {
            try {
                SelfSignedCertificate c = SelfSignedCertificate.shared();
                char[] pw = "smtpunit".toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("server", c.keyPair().getPrivate(), pw, new X509Certificate[] {c.certificate()});
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return ctx;
            } catch (Exception e) {
                throw new IllegalStateException("cannot set up HTTPS for the provider APIs: " + e.getMessage(), e);
            }
        }
    }
}
