package dev.smtpunit;

import dev.smtpunit.lint.MailLint;
import dev.smtpunit.lint.ReceiverProfile;

import java.net.InetAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The settings of a {@link MockSmtpServer}: immutable, made with a {@link Builder}.
 *
 * <pre>{@code
 * SmtpServerOptions options = SmtpServerOptions.builder()
 *         .hostname("mx.test")
 *         .startTls(StartTlsMode.REQUIRED)
 *         .user("app", "secret")
 *         .maxMessageSize(1_000_000)
 *         .build();
 * }</pre>
 */
public final class SmtpServerOptions {

    /** How STARTTLS (RFC 3207) is offered on the plain port. */
    public enum StartTlsMode {
        /** Not advertised; the command is answered {@code 500 5.5.1 Command STARTTLS unrecognized.} */
        OFF,
        /** Advertised in EHLO; clients may use it. */
        OFFERED,
        /** Advertised, and {@code MAIL} and {@code AUTH} before it are refused with 530. */
        REQUIRED
    }

    /**
     * Whether AUTH (RFC 4954) is offered, and how passwords are judged. Which mechanisms are offered is
     * {@link #authMechanisms()}; tokens are always judged by {@link #tokenCheck()}.
     */
    public enum AuthMode {
        /** AUTH is not offered. */
        OFF,
        /** Passwords are checked against the configured users (and tokens with the token check). */
        USERS,
        /** Any user name and password is accepted by PLAIN and LOGIN (tokens still go through the token check). */
        ACCEPT_ANY
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final String hostname;
    private final InetAddress bindAddress;
    private final int port;
    private final boolean implicitTls;
    private final int implicitTlsPort;
    private final StartTlsMode startTls;
    private final PrivateKey tlsKey;
    private final List<X509Certificate> tlsChain;
    private final AuthMode authMode;
    private final Map<String, String> users;
    private final List<AuthMechanism> authMechanisms;
    private final Map<String, Set<String>> tokens;
    private final BiPredicate<String, String> tokenPredicate;
    private final boolean authRequired;
    private final long maxMessageSize;
    private final Set<String> hiddenExtensions;
    private final List<String> extraExtensions;
    private final Set<String> acceptedDomains;
    private final int maxConnections;
    private final Duration idleTimeout;
    private final Duration tlsHandshakeTimeout;
    private final Duration lineDeadline;
    private final int maxStoredMessages;
    private final int maxTranscriptSessions;
    private final int maxTranscriptEntries;
    private final String greeting;
    private final Duration greetingDelay;
    private final boolean chunking;
    private final int maxRecipients;
    private final boolean smtpUtf8;
    private final boolean dsn;
    private final ReceiverProfile receiverProfile;
    private final boolean lint;
    private final MailLint lintRules;

    private SmtpServerOptions(Builder b) {
        hostname = b.hostname;
        bindAddress = b.bindAddress;
        port = b.port;
        implicitTls = b.implicitTls;
        implicitTlsPort = b.implicitTlsPort;
        startTls = b.startTls;
        tlsKey = b.tlsKey;
        tlsChain = b.tlsChain;
        users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
        authMechanisms = b.effectiveMechanisms();
        authMode = b.authMode == AuthMode.OFF && !authMechanisms.isEmpty() ? AuthMode.USERS : b.authMode;
        Map<String, Set<String>> t = new LinkedHashMap<>();
        b.tokens.forEach((user, accepted) -> t.put(user, Collections.unmodifiableSet(new LinkedHashSet<>(accepted))));
        tokens = Collections.unmodifiableMap(t);
        tokenPredicate = b.tokenPredicate;
        authRequired = b.authRequired;
        maxMessageSize = b.maxMessageSize;
        hiddenExtensions = Collections.unmodifiableSet(new LinkedHashSet<>(b.hiddenExtensions));
        extraExtensions = List.copyOf(b.extraExtensions);
        acceptedDomains = Collections.unmodifiableSet(new LinkedHashSet<>(b.acceptedDomains));
        maxConnections = b.maxConnections;
        chunking = b.chunking;
        idleTimeout = b.idleTimeout;
        tlsHandshakeTimeout = b.tlsHandshakeTimeout;
        lineDeadline = b.lineDeadline;
        maxStoredMessages = b.maxStoredMessages;
        maxTranscriptSessions = b.maxTranscriptSessions;
        maxTranscriptEntries = b.maxTranscriptEntries;
        greeting = b.greeting;
        greetingDelay = b.greetingDelay;
        maxRecipients = b.maxRecipients;
        smtpUtf8 = b.smtpUtf8;
        dsn = b.dsn;
        receiverProfile = b.receiverProfile;
        lint = b.lint;
        lintRules = b.lintRules;
    }

    /** {@return the default options: 127.0.0.1, a free port, no TLS, no AUTH, no size limit} */
    public static SmtpServerOptions defaults() {
        return builder().build();
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these options, to derive changed ones} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hostname = hostname;
        b.bindAddress = bindAddress;
        b.port = port;
        b.implicitTls = implicitTls;
        b.implicitTlsPort = implicitTlsPort;
        b.startTls = startTls;
        b.tlsKey = tlsKey;
        b.tlsChain = tlsChain;
        // USERS without users was derived from a token check alone; the builder starts from what was set
        b.authMode = authMode == AuthMode.USERS && users.isEmpty() ? AuthMode.OFF : authMode;
        b.users.putAll(users);
        b.authMechanisms = authMechanisms.isEmpty() ? null : new ArrayList<>(authMechanisms);
        tokens.forEach((user, accepted) -> b.tokens.put(user, new LinkedHashSet<>(accepted)));
        b.tokenPredicate = tokenPredicate;
        b.authRequired = authRequired;
        b.maxMessageSize = maxMessageSize;
        b.hiddenExtensions.addAll(hiddenExtensions);
        b.extraExtensions.addAll(extraExtensions);
        b.acceptedDomains.addAll(acceptedDomains);
        b.maxConnections = maxConnections;
        b.chunking = chunking;
        b.idleTimeout = idleTimeout;
        b.tlsHandshakeTimeout = tlsHandshakeTimeout;
        b.lineDeadline = lineDeadline;
        b.maxStoredMessages = maxStoredMessages;
        b.maxTranscriptSessions = maxTranscriptSessions;
        b.maxTranscriptEntries = maxTranscriptEntries;
        b.greeting = greeting;
        b.greetingDelay = greetingDelay;
        b.maxRecipients = maxRecipients;
        b.smtpUtf8 = smtpUtf8;
        b.dsn = dsn;
        b.receiverProfile = receiverProfile;
        b.lint = lint;
        b.lintRules = lintRules;
        return b;
    }

    /** {@return the name in the greeting and EHLO reply; default {@code localhost}} */
    public String hostname() {
        return hostname;
    }

    /** {@return the address to listen on; default the loopback address} */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** {@return the plain SMTP port; 0 (the default) picks a free one} */
    public int port() {
        return port;
    }

    /** {@return whether an implicit-TLS (SMTPS) port is opened as well} */
    public boolean implicitTls() {
        return implicitTls;
    }

    /** {@return the SMTPS port when {@link #implicitTls()}; 0 picks a free one} */
    public int implicitTlsPort() {
        return implicitTlsPort;
    }

    /** {@return how STARTTLS is offered} */
    public StartTlsMode startTls() {
        return startTls;
    }

    /** {@return the user-supplied TLS key, or null to use the generated certificate} */
    public PrivateKey tlsKey() {
        return tlsKey;
    }

    /** {@return the user-supplied certificate chain, empty to use the generated certificate} */
    public List<X509Certificate> tlsChain() {
        return tlsChain;
    }

    /** {@return whether TLS is used at all (STARTTLS or SMTPS)} */
    public boolean tlsEnabled() {
        return implicitTls || startTls != StartTlsMode.OFF;
    }

    /** {@return how AUTH is offered} */
    public AuthMode authMode() {
        return authMode;
    }

    /** {@return the users and passwords for {@link AuthMode#USERS}} */
    public Map<String, String> users() {
        return users;
    }

    /**
     * {@return the SASL mechanisms advertised after {@code AUTH} in EHLO, in order; PLAIN and LOGIN when
     *     users are configured and no mechanisms were chosen; empty when AUTH is not offered}
     */
    public List<AuthMechanism> authMechanisms() {
        return authMechanisms;
    }

    /** {@return the tokens accepted for each user, as given to {@link Builder#acceptToken(String, String)}} */
    public Map<String, Set<String>> tokens() {
        return tokens;
    }

    /**
     * How XOAUTH2 and OAUTHBEARER tokens are judged: the predicate given to
     * {@link Builder#tokenCheck(BiPredicate)}, or one that looks the token up in {@link #tokens()}.
     *
     * @return the check, taking the user name and the token; empty when none was configured
     */
    public Optional<BiPredicate<String, String>> tokenCheck() {
        if (tokenPredicate != null) {
            return Optional.of(tokenPredicate);
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((user, token) -> tokens.getOrDefault(user, Set.of()).contains(token));
    }

    /** {@return whether {@code MAIL} without a successful AUTH is refused with 530} */
    public boolean authRequired() {
        return authRequired;
    }

    /** {@return the largest accepted message in bytes, advertised as {@code SIZE}; 0 for no limit} */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** {@return the EHLO keywords not to advertise, upper case} */
    public Set<String> hiddenExtensions() {
        return hiddenExtensions;
    }

    /** {@return EHLO lines advertised in addition to the implemented ones} */
    public List<String> extraExtensions() {
        return extraExtensions;
    }

    /** {@return the recipient domains accepted, lower case; empty accepts every domain} */
    public Set<String> acceptedDomains() {
        return acceptedDomains;
    }

    /** {@return the most simultaneous connections, counted from accept (SMTPS before its handshake); 0 for no limit; default 100} */
    public int maxConnections() {
        return maxConnections;
    }

    /** {@return whether CHUNKING and BINARYMIME (RFC 3030: the BDAT command) are offered} */
    public boolean chunking() {
        return chunking;
    }

    /**
     * {@return how long a connection may stay silent before the server closes it with 421, and how
     *     long one write of replies may take before the server gives up on a client that does not read}
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** {@return the most time a TLS handshake (SMTPS or after STARTTLS) may take in all; default 10 s} */
    public Duration tlsHandshakeTimeout() {
        return tlsHandshakeTimeout;
    }

    /**
     * {@return the most time a client may take to send one line (a command, or a line of message
     *     content) from its first octet to its LF; {@link Duration#ZERO} (the default) for no deadline}
     */
    public Duration lineDeadline() {
        return lineDeadline;
    }

    /** {@return the most messages the mailbox keeps (the oldest are dropped and counted); 0 (the default) for no limit} */
    public int maxStoredMessages() {
        return maxStoredMessages;
    }

    /**
     * {@return the most sessions the transcript keeps (the oldest closed ones are dropped and counted);
     *     0 (the default) for no limit}
     */
    public int maxTranscriptSessions() {
        return maxTranscriptSessions;
    }

    /**
     * {@return the most entries each session's transcript keeps (its first and latest, the ones
     *     between counted); 0 (the default) for no limit}
     */
    public int maxTranscriptEntries() {
        return maxTranscriptEntries;
    }

    /** {@return the greeting text after {@code 220 }; by default {@code <hostname> ESMTP SmtpUnit}} */
    public String greeting() {
        return greeting != null ? greeting : hostname + " ESMTP SmtpUnit";
    }

    /** {@return how long the server waits after accepting a connection before it greets; default zero} */
    public Duration greetingDelay() {
        return greetingDelay;
    }

    /**
     * {@return the most recipients accepted in one transaction; further {@code RCPT} get
     *     {@code 452 4.5.3}; 0 for no limit; default 100, the minimum RFC 5321 section 4.5.3.1.8 requires}
     */
    public int maxRecipients() {
        return maxRecipients;
    }

    /**
     * {@return whether SMTPUTF8 (RFC 6531) is offered: advertised in EHLO, UTF-8 mailboxes accepted in
     *     transactions that declare it; false when hidden with {@link Builder#hideExtensions}}
     */
    public boolean smtpUtf8() {
        return smtpUtf8 && !hiddenExtensions.contains("SMTPUTF8");
    }

    /**
     * {@return whether DSN (RFC 3461) is offered: advertised in EHLO, {@code RET}, {@code ENVID},
     *     {@code NOTIFY} and {@code ORCPT} accepted and checked; false when hidden}
     */
    public boolean dsn() {
        return dsn && !hiddenExtensions.contains("DSN");
    }

    /** {@return the receiver whose refusals the server imitates at end of DATA; default {@link ReceiverProfile#NONE}} */
    public ReceiverProfile receiverProfile() {
        return receiverProfile;
    }

    /** {@return whether every accepted message is linted (the JUnit extension then fails a test that received malformed mail)} */
    public boolean lint() {
        return lint;
    }

    /** {@return the lint applied when {@link #lint()} is on; {@link MailLint#defaults()} unless chosen} */
    public MailLint lintRules() {
        return lintRules;
    }

    @Override
    public String toString() {
        return "SmtpServerOptions[hostname=" + hostname + ", bind=" + bindAddress.getHostAddress() + ":" + port
                + (implicitTls ? ", smtps=" + implicitTlsPort : "") + ", startTls=" + startTls + ", auth=" + authMode
                + (authRequired ? " (required)" : "") + (authMechanisms.isEmpty() ? "" : " " + authMechanisms)
                + ", users=" + users.keySet()
                + (tokens.isEmpty() ? "" : ", tokenUsers=" + tokens.keySet())
                + (tokenPredicate == null ? "" : ", tokenCheck=predicate")
                + (maxMessageSize > 0 ? ", maxMessageSize=" + maxMessageSize : "")
                + (maxConnections > 0 ? ", maxConnections=" + maxConnections : "")
                + (maxStoredMessages > 0 ? ", maxStoredMessages=" + maxStoredMessages : "")
                + (maxTranscriptSessions > 0 ? ", maxTranscriptSessions=" + maxTranscriptSessions : "")
                + (maxTranscriptEntries > 0 ? ", maxTranscriptEntries=" + maxTranscriptEntries : "")
                + (lineDeadline.isZero() ? "" : ", lineDeadline=" + lineDeadline)
                + (acceptedDomains.isEmpty() ? "" : ", acceptedDomains=" + acceptedDomains)
                + (smtpUtf8() ? ", smtpUtf8" : "") + (dsn() ? ", dsn" : "")
                + (receiverProfile == ReceiverProfile.NONE ? "" : ", receiverProfile=" + receiverProfile)
                + (greetingDelay.isZero() ? "" : ", greetingDelay=" + greetingDelay.toMillis() + "ms")
                + (lint ? ", lint" + (lintRules.equals(MailLint.defaults()) ? "" : "=" + lintRules) : "") + "]";
    }

    /** Builds {@link SmtpServerOptions}; each setter checks its argument at once. */
    public static final class Builder {
        private String hostname = "localhost";
        private InetAddress bindAddress = LOOPBACK;
        private int port;
        private boolean implicitTls;
        private int implicitTlsPort;
        private StartTlsMode startTls = StartTlsMode.OFF;
        private PrivateKey tlsKey;
        private List<X509Certificate> tlsChain = List.of();
        private AuthMode authMode = AuthMode.OFF;
        private final Map<String, String> users = new LinkedHashMap<>();
        private List<AuthMechanism> authMechanisms;
        private final Map<String, Set<String>> tokens = new LinkedHashMap<>();
        private BiPredicate<String, String> tokenPredicate;
        private boolean authRequired;
        private long maxMessageSize;
        private final Set<String> hiddenExtensions = new LinkedHashSet<>();
        private final List<String> extraExtensions = new ArrayList<>();
        private final Set<String> acceptedDomains = new LinkedHashSet<>();
        private int maxConnections = 100;
        private boolean chunking;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration tlsHandshakeTimeout = Duration.ofSeconds(10);
        private Duration lineDeadline = Duration.ZERO;
        private int maxStoredMessages;
        private int maxTranscriptSessions;
        private int maxTranscriptEntries;
        private String greeting;
        private Duration greetingDelay = Duration.ZERO;
        private int maxRecipients = 100;
        private boolean smtpUtf8;
        private boolean dsn;
        private ReceiverProfile receiverProfile = ReceiverProfile.NONE;
        private boolean lint;
        private MailLint lintRules = MailLint.defaults();

        private Builder() {}

        /**
         * The host name used in the greeting and in replies to EHLO/HELO.
         *
         * @param hostname a domain name without spaces
         * @return this builder
         */
        public Builder hostname(String hostname) {
            Objects.requireNonNull(hostname, "hostname");
            if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException(
                        "hostname must be a non-empty ASCII name without spaces, was \"" + hostname + "\"");
            }
            this.hostname = hostname;
            return this;
        }

        /**
         * The address to listen on. Tests rarely need anything but the default loopback address.
         *
         * @param bindAddress the local address
         * @return this builder
         */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /**
         * The plain SMTP port.
         *
         * @param port 0 (the default) for a free port, or 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = checkPort("port", port);
            return this;
        }

        /**
         * Opens an implicit-TLS (SMTPS, RFC 8314) port besides the plain one.
         *
         * @param port 0 for a free port, or 1 to 65535
         * @return this builder
         */
        public Builder implicitTls(int port) {
            this.implicitTls = true;
            this.implicitTlsPort = checkPort("implicitTls port", port);
            return this;
        }

        /**
         * How STARTTLS is offered on the plain port.
         *
         * @param mode OFF (default), OFFERED or REQUIRED
         * @return this builder
         */
        public Builder startTls(StartTlsMode mode) {
            this.startTls = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Uses this key and certificate chain for TLS instead of the generated self-signed one.
         *
         * @param key the private key
         * @param chain the certificate chain, server certificate first
         * @return this builder
         */
        public Builder tlsIdentity(PrivateKey key, X509Certificate... chain) {
            Objects.requireNonNull(key, "key");
            if (chain.length == 0) {
                throw new IllegalArgumentException("tlsIdentity needs at least the server certificate");
            }
            this.tlsKey = key;
            this.tlsChain = List.of(chain);
            return this;
        }

        /**
         * Offers AUTH (PLAIN and LOGIN unless {@link #authMechanisms(AuthMechanism...)} chooses others)
         * and adds a user who may authenticate.
         *
         * @param name the user name
         * @param password the password
         * @return this builder
         */
        public Builder user(String name, String password) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("user name must not be empty");
            }
            if (authMode == AuthMode.ACCEPT_ANY) {
                throw new IllegalStateException("acceptAnyCredentials() was set: users would be ignored");
            }
            users.put(name, password);
            authMode = AuthMode.USERS;
            return this;
        }

        /**
         * Offers AUTH (PLAIN and LOGIN unless {@link #authMechanisms(AuthMechanism...)} chooses others)
         * and accepts any user name and password. Not possible with CRAM-MD5, which needs the password.
         *
         * @return this builder
         */
        public Builder acceptAnyCredentials() {
            if (!users.isEmpty()) {
                throw new IllegalStateException(
                        "users " + users.keySet() + " were set: acceptAnyCredentials() would ignore them");
            }
            authMode = AuthMode.ACCEPT_ANY;
            return this;
        }

        /**
         * The SASL mechanisms to offer, in the order EHLO lists them, instead of the default PLAIN and
         * LOGIN. Password mechanisms (PLAIN, LOGIN, CRAM-MD5) need {@link #user(String, String)} (PLAIN
         * and LOGIN also work with {@link #acceptAnyCredentials()}); token mechanisms (XOAUTH2,
         * OAUTHBEARER) need {@link #acceptToken(String, String)} or {@link #tokenCheck(BiPredicate)}.
         *
         * <pre>{@code
         * builder.authMechanisms(AuthMechanism.XOAUTH2, AuthMechanism.PLAIN).user("app", "s3cret").acceptToken("app", "ya29.a0")
         * }</pre>
         *
         * @param mechanisms one or more mechanisms
         * @return this builder
         */
        public Builder authMechanisms(AuthMechanism... mechanisms) {
            if (mechanisms.length == 0) {
                throw new IllegalArgumentException(
                        "authMechanisms needs at least one mechanism; to offer no AUTH, configure no users or tokens");
            }
            LinkedHashSet<AuthMechanism> unique = new LinkedHashSet<>();
            for (AuthMechanism m : mechanisms) {
                unique.add(Objects.requireNonNull(m, "mechanism"));
            }
            this.authMechanisms = new ArrayList<>(unique);
            return this;
        }

        /**
         * Accepts this OAuth 2.0 token for this user in XOAUTH2 and OAUTHBEARER; call again for more
         * tokens or users. Any other token is refused. For rules such as "this token has expired", use
         * {@link #tokenCheck(BiPredicate)} instead.
         *
         * @param user the user name the client sends ({@code user=} in XOAUTH2, {@code a=} in OAUTHBEARER)
         * @param token the bearer token
         * @return this builder
         */
        public Builder acceptToken(String user, String token) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(token, "token");
            if (user.isEmpty() || token.isEmpty()) {
                throw new IllegalArgumentException("acceptToken needs a non-empty user and token");
            }
            if (tokenPredicate != null) {
                throw new IllegalStateException(
                        "tokenCheck(predicate) was set: acceptToken(" + user + ", ...) would be ignored");
            }
            tokens.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(token);
            return this;
        }

        /**
         * Judges XOAUTH2 and OAUTHBEARER tokens with a predicate of the user name and the token,
         * called on the server's I/O thread for each attempt; it must be thread-safe and quick.
         *
         * <pre>{@code
         * builder.authMechanisms(AuthMechanism.XOAUTH2).tokenCheck((user, token) -> !token.equals("expired-token"))
         * }</pre>
         *
         * @param check returns true to accept the token
         * @return this builder
         */
        public Builder tokenCheck(BiPredicate<String, String> check) {
            Objects.requireNonNull(check, "check");
            if (!tokens.isEmpty()) {
                throw new IllegalStateException(
                        "acceptToken(...) was set for " + tokens.keySet() + ": tokenCheck(predicate) would ignore it");
            }
            this.tokenPredicate = check;
            return this;
        }

        private List<AuthMechanism> effectiveMechanisms() {
            if (authMechanisms != null) {
                return List.copyOf(authMechanisms);
            }
            return authMode == AuthMode.OFF ? List.of() : List.of(AuthMechanism.PLAIN, AuthMechanism.LOGIN);
        }

        /**
         * Refuses {@code MAIL} with 530 until the client has authenticated. Needs users or
         * {@link #acceptAnyCredentials()}.
         *
         * @param required true to require AUTH
         * @return this builder
         */
        public Builder requireAuth(boolean required) {
            this.authRequired = required;
            return this;
        }

        /**
         * The largest message accepted, advertised as {@code SIZE n} (RFC 1870) and enforced with 552.
         *
         * @param bytes 0 (the default) for no limit
         * @return this builder
         */
        public Builder maxMessageSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxMessageSize must be 0 (no limit) or positive, was " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * EHLO keywords not to advertise, for example {@code "PIPELINING"} or {@code "8BITMIME"}.
         *
         * @param keywords the keywords, in any case
         * @return this builder
         */
        public Builder hideExtensions(String... keywords) {
            for (String k : keywords) {
                hiddenExtensions.add(k.trim().toUpperCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * Extra EHLO lines to advertise, such as {@code "MT-PRIORITY"}: only what the client should see;
         * the server does not implement them. {@code SMTPUTF8} and {@code DSN}, which SmtpUnit does
         * implement, switch on {@link #smtpUtf8(boolean)} and {@link #dsn(boolean)} instead.
         *
         * @param lines EHLO keyword lines
         * @return this builder
         */
        public Builder advertiseExtensions(String... lines) {
            for (String l : lines) {
                if (l.isBlank() || l.indexOf('\r') >= 0 || l.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException(
                            "extension line must be non-empty and single-line: \"" + l + "\"");
                }
                String line = l.trim();
                if (line.equalsIgnoreCase("SMTPUTF8")) {
                    smtpUtf8 = true;
                } else if (line.equalsIgnoreCase("DSN")) {
                    dsn = true;
                } else {
                    extraExtensions.add(line);
                }
            }
            return this;
        }

        /**
         * Offers SMTPUTF8 (RFC 6531): advertised in EHLO; a transaction whose {@code MAIL} carries the
         * {@code SMTPUTF8} parameter may use UTF-8 mailboxes and UTF-8 header fields (RFC 6532). A
         * non-ASCII address in a transaction that did not declare it gets {@code 553 5.6.7}, as it does
         * when the extension is off. Off by default.
         *
         * @param offered true to offer it
         * @return this builder
         */
        public Builder smtpUtf8(boolean offered) {
            this.smtpUtf8 = offered;
            return this;
        }

        /**
         * Offers Delivery Status Notifications (RFC 3461): advertised in EHLO; {@code RET} and
         * {@code ENVID} on {@code MAIL}, {@code NOTIFY} and {@code ORCPT} on {@code RCPT} are accepted,
         * checked ({@code 501} when malformed) and recorded (see {@link Envelope#dsnReturn()} and
         * {@link Recipient#dsnNotify()}). The server sends no notifications. Off by default.
         *
         * @param offered true to offer it
         * @return this builder
         */
        public Builder dsn(boolean offered) {
            this.dsn = offered;
            return this;
        }

        /**
         * Accept recipients only in these domains; others get {@code 550 5.7.1}. Tests relay rules.
         *
         * @param domains domain names
         * @return this builder
         */
        public Builder acceptedDomains(String... domains) {
            Arrays.stream(domains).map(d -> d.trim().toLowerCase(Locale.ROOT)).forEach(acceptedDomains::add);
            return this;
        }

        /**
         * The most simultaneous connections; further ones get {@code 421 4.7.0} and are closed at once
         * (SMTPS ones before any handshake), without a thread of their own and without taking a slot.
         * Connections count from the moment they are accepted. The default, 100, is Postfix's
         * {@code default_process_limit}: far more than a test suite opens at once, and a bound on the
         * threads a runaway client or a long manual session can make the server start.
         *
         * @param max the limit, or 0 for none; default 100
         * @return this builder
         */
        public Builder maxConnections(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxConnections must be 0 (no limit) or positive, was " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * Offers CHUNKING and BINARYMIME (RFC 3030): the client may send the content with {@code BDAT}
         * chunks instead of {@code DATA}, and binary content with {@code BODY=BINARYMIME}. Off by
         * default, so that the EHLO reply suites assert on stays as it was; turn it on to test a
         * sender that uses BDAT when offered. {@code hideExtensions("BINARYMIME")} keeps CHUNKING alone.
         *
         * @param enabled whether to offer them
         * @return this builder
         */
        public Builder chunking(boolean enabled) {
            this.chunking = enabled;
            return this;
        }

        /**
         * How long a connection may stay silent before the server says {@code 421} and closes it.
         *
         * @param timeout a positive duration; default 60 s
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * The most time a TLS handshake may take in all, from its first octet to its last, however
         * the client spreads its records: a client that sends half a ClientHello, or nothing, is closed
         * then. Applies to SMTPS and to STARTTLS.
         *
         * @param timeout a positive duration; default 10 s
         * @return this builder
         */
        public Builder tlsHandshakeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("tlsHandshakeTimeout must be positive, was " + timeout);
            }
            this.tlsHandshakeTimeout = timeout;
            return this;
        }

        /**
         * The most time a client may take to send one line, a command or a line of message content,
         * from its first octet to its LF (Postfix's {@code smtpd_per_record_deadline}): a client that
         * trickles a byte now and then, never silent for the idle timeout, is answered
         * {@code 421 4.4.2} and closed then. {@code BDAT} chunks (binary, without lines) are bounded by
         * the idle timeout alone.
         *
         * @param deadline a positive duration, or {@link Duration#ZERO} (the default) for none
         * @return this builder
         */
        public Builder lineDeadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative()) {
                throw new IllegalArgumentException("lineDeadline must be zero (none) or positive, was " + deadline);
            }
            this.lineDeadline = deadline;
            return this;
        }

        /**
         * Keeps at most this many messages in the mailbox: when one more arrives, the oldest is
         * dropped, counted in {@link Mailbox#droppedCount()} and recorded in the transcript of the
         * session that delivered the new one. For a server that runs for hours; a test usually wants
         * every message (the default).
         *
         * @param max the limit, or 0 (the default) for none
         * @return this builder
         */
        public Builder maxStoredMessages(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxStoredMessages must be 0 (no limit) or positive, was " + max);
            }
            this.maxStoredMessages = max;
            return this;
        }

        /**
         * Bounds the transcript, for a server that runs for hours; a test usually wants all of it
         * (the default). Beyond {@code maxSessions} sessions, a new connection drops the oldest
         * closed session (the oldest open one when none has closed), counted in
         * {@link Transcript#droppedSessionCount()}; the printed transcript, and the failure evidence
         * of the assertions and the JUnit extension, open with a line that says how many. Beyond
         * {@code maxEntriesPerSession} entries, a session keeps its first half (the greeting, EHLO,
         * the first transaction) and its latest half (the last commands, the disconnect), with an
         * {@link TranscriptEntry.Kind#ENTRIES_DROPPED} event between them that says how many were
         * left out ({@link SessionTranscript#droppedEntryCount()}).
         *
         * @param maxSessions the most sessions kept, or 0 (the default) for no limit
         * @param maxEntriesPerSession the most entries kept per session, at least 2, or 0 (the default) for no limit
         * @return this builder
         */
        public Builder transcriptRetention(int maxSessions, int maxEntriesPerSession) {
            if (maxSessions < 0) {
                throw new IllegalArgumentException("maxSessions must be 0 (no limit) or positive, was " + maxSessions);
            }
            if (maxEntriesPerSession < 0 || maxEntriesPerSession == 1) {
                throw new IllegalArgumentException(
                        "maxEntriesPerSession must be 0 (no limit) or at least 2 (a first and a"
                                + " latest entry), was " + maxEntriesPerSession);
            }
            this.maxTranscriptSessions = maxSessions;
            this.maxTranscriptEntries = maxEntriesPerSession;
            return this;
        }

        /**
         * The greeting text after {@code 220 }. RFC 5321 wants it to start with the host name.
         *
         * @param text a single line
         * @return this builder
         */
        public Builder greeting(String text) {
            Objects.requireNonNull(text, "text");
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("greeting must be a single line");
            }
            this.greeting = text;
            return this;
        }

        /**
         * How long the server waits after accepting a connection before it sends its {@code 220}
         * greeting. A real server on a real network greets a client later than one on the loopback
         * interface; this gives a client that starts reading only some time after its connection
         * completed (see {@code docs/known-client-issues.md}) the time it needs. The wait is not part
         * of the transcript and no fault.
         *
         * @param delay zero (the default) or a positive duration
         * @return this builder
         */
        public Builder greetingDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("greetingDelay must not be negative, was " + delay);
            }
            this.greetingDelay = delay;
            return this;
        }

        /**
         * The most recipients accepted in one mail transaction; each further {@code RCPT} is answered
         * {@code 452 4.5.3 Too many recipients}, which RFC 5321 section 4.5.3.1.10 asks clients to treat
         * as temporary (send the rest in another transaction). A server must accept at least 100
         * (section 4.5.3.1.8); a smaller limit tests how a client copes with a stricter server.
         *
         * @param max 0 for no limit, or a positive number; default 100
         * @return this builder
         */
        public Builder maxRecipients(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRecipients must be 0 (no limit) or positive, was " + max);
            }
            this.maxRecipients = max;
            return this;
        }

        /**
         * Plays a strict receiver at end of DATA: a message the profile refuses gets that receiver's
         * reply (and is not stored), and the transcript names the lint rule that triggered.
         *
         * @param profile the receiver to imitate; {@link ReceiverProfile#NONE} (the default) accepts everything
         * @return this builder
         */
        public Builder receiverProfile(ReceiverProfile profile) {
            this.receiverProfile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Lints every accepted message ({@link dev.smtpunit.lint.MailLint#defaults()}): findings are
         * recorded in the transcript, and the JUnit extension fails a test after it ran when a message
         * it received has lint errors.
         *
         * @param lint true to lint every message
         * @return this builder
         */
        public Builder lint(boolean lint) {
            this.lint = lint;
            return this;
        }

        /**
         * Lints every accepted message with this lint, for example with the opt-in HTML rules:
         * {@code builder.lint(MailLint.of(LintRuleSet.MIME, LintRuleSet.HTML_COMPATIBILITY).withClients(EmailClients.of("outlook")))}.
         * Findings are recorded in the transcript and the JUnit extension fails a test whose mail has errors, as with
         * {@link #lint(boolean)}; a receiver profile still judges with its own rules.
         *
         * @param lint the lint to apply to every message
         * @return this builder
         */
        public Builder lint(MailLint lint) {
            this.lintRules = Objects.requireNonNull(lint, "lint");
            this.lint = true;
            return this;
        }

        /**
         * Checks the combination and builds the options.
         *
         * @return the options
         * @throws IllegalStateException when settings contradict each other
         */
        public SmtpServerOptions build() {
            AuthChecks.check(authMechanisms, authMode, !users.isEmpty(), !tokens.isEmpty() || tokenPredicate != null);
            if (authRequired && effectiveMechanisms().isEmpty()) {
                throw new IllegalStateException(
                        "requireAuth(true) needs user(name, password) or acceptAnyCredentials()");
            }
            if (implicitTls && port != 0 && port == implicitTlsPort) {
                throw new IllegalStateException("port and implicitTls port are both " + port);
            }
            return new SmtpServerOptions(this);
        }

        private static int checkPort(String what, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(what + " must be 0 (a free port) or 1 to 65535, was " + port);
            }
            return port;
        }
    }
}
