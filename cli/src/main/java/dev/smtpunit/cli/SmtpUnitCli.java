package dev.smtpunit.cli;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.Envelope;
import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.Provider;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Recipient;
import dev.smtpunit.SmtpServerOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a server by hand, for trying a client with telnet, swaks or an application:
 *
 * <pre>
 * java -jar smtpunit-cli.jar --port 2525 --user app:secret --starttls offered
 * swaks --server 127.0.0.1:2525 --to ada@example.com
 * </pre>
 *
 * Prints each message's envelope and subject as it arrives (with {@code --transcript}, each session
 * once it has ended); stops cleanly on Ctrl-C. With
 * {@code --save-dir DIR} it also writes each message to {@code DIR/0001.eml} with its envelope in
 * {@code DIR/0001.envelope}; with {@code --export-cert FILE} it writes the server's certificate as
 * PEM, so that {@code openssl s_client -starttls smtp -CAfile FILE} or {@code swaks --tls-ca-path FILE}
 * can trust it.
 */
public final class SmtpUnitCli {
    /**
     * The most messages a command-line server keeps in memory unless {@code --max-messages} says
     * otherwise: it may run for hours (Mailpit keeps 500 by default too); {@code --save-dir} still
     * writes every message.
     */
    static final int DEFAULT_MAX_MESSAGES = 500;
    /**
     * The most sessions a command-line server's transcript keeps unless {@code --max-sessions} says
     * otherwise: twice {@link #DEFAULT_MAX_MESSAGES}, so that the session of every message kept is
     * kept too when each connection sends one message or also a failed one.
     */
    static final int DEFAULT_MAX_SESSIONS = 1000;
    /**
     * The most entries each of its sessions keeps unless {@code --max-entries} says otherwise:
     * a session that sends one message records about ten (greeting, EHLO, MAIL, RCPT, DATA, content,
     * QUIT, connect and close); 200 keep a 20-message session whole, and bound a client that sends
     * NOOPs for hours to its first and its latest 100. With the session limit, the transcript then
     * holds at most 200,000 entries, some 20 MB at a typical 100 octets each.
     */
    static final int DEFAULT_MAX_SESSION_ENTRIES = 200;

    private SmtpUnitCli() {}

    /**
     * Entry point.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(usage());
            return;
        }
        Parsed parsed;
        try {
            parsed = parse(args);
        } catch (RuntimeException e) {
            System.err.println("smtpunit: " + e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }
        run(parsed, System.out);
    }

    /**
     * The options of a command line.
     *
     * @param options the server options
     * @param transcript whether to print each session when it ends
     * @param saveDir where to write each message, or null
     * @param exportCert where to write the certificate as PEM, or null
     * @param providerApis whether to serve the provider HTTP APIs (SendGrid, Mailgun, Postmark, SES) too
     */
    record Parsed(SmtpServerOptions options, boolean transcript, Path saveDir, Path exportCert, boolean providerApis) {}

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming the option at fault
     */
    static Parsed parse(String[] args) {
        SmtpServerOptions.Builder b = SmtpServerOptions.builder().port(2525).maxStoredMessages(DEFAULT_MAX_MESSAGES);
        int maxSessions = DEFAULT_MAX_SESSIONS;
        int maxSessionEntries = DEFAULT_MAX_SESSION_ENTRIES;
        boolean transcript = false;
        Path saveDir = null;
        Path exportCert = null;
        boolean providerApis = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.port(number(value(args, ++i, a), a));
                case "--smtps-port" -> b.implicitTls(number(value(args, ++i, a), a));
                case "--bind" -> b.bindAddress(address(value(args, ++i, a)));
                case "--hostname" -> b.hostname(value(args, ++i, a));
                case "--starttls" -> b.startTls(startTls(value(args, ++i, a)));
                case "--user" -> {
                    String v = value(args, ++i, a);
                    int colon = v.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--user takes name:password, was " + v);
                    }
                    b.user(v.substring(0, colon), v.substring(colon + 1));
                }
                case "--auth" -> b.authMechanisms(mechanisms(value(args, ++i, a)));
                case "--token" -> {
                    String v = value(args, ++i, a);
                    int colon = v.indexOf(':');
                    if (colon <= 0 || colon == v.length() - 1) {
                        throw new IllegalArgumentException("--token takes user:token, was " + v);
                    }
                    b.acceptToken(v.substring(0, colon), v.substring(colon + 1));
                }
                case "--accept-any-auth" -> b.acceptAnyCredentials();
                case "--require-auth" -> b.requireAuth(true);
                case "--max-size" -> b.maxMessageSize(number(value(args, ++i, a), a));
                case "--max-messages" -> b.maxStoredMessages(number(value(args, ++i, a), a));
                case "--max-sessions" -> maxSessions = number(value(args, ++i, a), a);
                case "--max-entries" -> maxSessionEntries = number(value(args, ++i, a), a);
                case "--line-deadline" -> b.lineDeadline(Duration.ofSeconds(number(value(args, ++i, a), a)));
                case "--chunking" -> b.chunking(true);
                case "--transcript" -> transcript = true;
                case "--save-dir" -> saveDir = Path.of(value(args, ++i, a));
                case "--export-cert" -> exportCert = Path.of(value(args, ++i, a));
                case "--provider-apis" -> providerApis = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        try {
            b.transcriptRetention(maxSessions, maxSessionEntries);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--max-sessions takes 0 or more, --max-entries 0 or at least 2; were " + maxSessions + " and "
                            + maxSessionEntries,
                    e);
        }
        SmtpServerOptions options = b.build();
        if (exportCert != null && !options.tlsEnabled()) {
            throw new IllegalArgumentException(
                    "--export-cert needs TLS: add --starttls offered (or required) or --smtps-port");
        }
        return new Parsed(options, transcript, saveDir, exportCert, providerApis);
    }

    private static int number(String v, String option) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, was " + v, e);
        }
    }

    private static AuthMechanism[] mechanisms(String v) {
        String[] names = v.split(",");
        AuthMechanism[] mechanisms = new AuthMechanism[names.length];
        for (int i = 0; i < names.length; i++) {
            mechanisms[i] = AuthMechanism.ofSaslName(names[i].trim())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--auth takes mechanisms from PLAIN,LOGIN,CRAM-MD5,XOAUTH2,OAUTHBEARER separated by commas, was "
                                    + v));
        }
        return mechanisms;
    }

    private static SmtpServerOptions.StartTlsMode startTls(String v) {
        try {
            return SmtpServerOptions.StartTlsMode.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--starttls takes off, offered or required, was " + v, e);
        }
    }

    private static void run(Parsed parsed, PrintStream out) {
        SmtpServerOptions options = parsed.options();
        MockSmtpServer server;
        try {
            server = start(parsed, out);
        } catch (UncheckedIOException e) {
            System.err.println("smtpunit: " + e.getMessage());
            System.exit(1);
            return;
        }
        MockProviderApis apis = parsed.providerApis() ? startApis(server, out) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (apis != null) {
                                apis.close();
                            }
                            server.close();
                            out.println("SmtpUnit stopped; "
                                    + (server.mailbox().size()
                                            + server.mailbox().droppedCount()) + " message(s) received.");
                            stopped.countDown();
                        },
                        "smtpunit-cli-stop"));
        out.println("SmtpUnit listening on " + server.host() + ":" + server.port()
                + (options.implicitTls() ? " (SMTPS on " + server.smtpsPort() + ")" : "") + " " + options);
        out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the provider HTTP APIs beside the server and prints where they listen.
     *
     * @param server the SMTP server whose mailbox they share
     * @param out where to print the addresses
     * @return the running APIs
     */
    static MockProviderApis startApis(MockSmtpServer server, PrintStream out) {
        MockProviderApis apis = new MockProviderApis(server).start();
        out.println(
                "Provider APIs on " + apis.baseUrl(Provider.SENDGRID) + " and " + apis.secureBaseUrl(Provider.SENDGRID)
                        + " (SendGrid /v3/mail/send, Mailgun /v3/{domain}/messages, Postmark /email, SES /v2/email/outbound-emails;"
                        + " SES signs with " + MockProviderApis.DEFAULT_AWS_ACCESS_KEY_ID + " / "
                        + MockProviderApis.DEFAULT_AWS_SECRET_KEY
                        + " in " + MockProviderApis.DEFAULT_AWS_REGION + ")");
        return apis;
    }

    /**
     * Starts the server, exports its certificate, prints each message as it arrives, with a save
     * directory writes it too (both from the server's thread, before the client gets its 250), and
     * with {@code --transcript} prints each session once it has ended.
     *
     * @param parsed the command line
     * @param out where to print what was written
     * @return the running server
     * @throws UncheckedIOException when the port is taken or a file cannot be written
     */
    static MockSmtpServer start(Parsed parsed, PrintStream out) {
        MockSmtpServer server = new MockSmtpServer(parsed.options()).start();
        AtomicInteger arrived = new AtomicInteger();
        server.mailbox().onMessage(m -> out.println(describe(arrived.incrementAndGet(), m)));
        if (parsed.transcript()) {
            server.transcript().onSessionEnd(out::print); // whole sessions, once each has ended
        }
        try {
            if (parsed.exportCert() != null) {
                Files.writeString(
                        parsed.exportCert(), server.clientTrust().certificatesPem(), StandardCharsets.US_ASCII);
                out.println("Certificate written to " + parsed.exportCert());
            }
            if (parsed.saveDir() != null) {
                Files.createDirectories(parsed.saveDir());
                AtomicInteger saved = new AtomicInteger();
                server.mailbox().onMessage(m -> save(parsed.saveDir(), saved.incrementAndGet(), m, out));
            }
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("cannot write " + e.getMessage(), e);
        }
        return server;
    }

    private static void save(Path dir, int n, ReceivedMessage m, PrintStream out) {
        String name = String.format(Locale.ROOT, "%04d", n);
        try {
            Files.write(dir.resolve(name + ".eml"), m.rawBytes());
            Files.writeString(dir.resolve(name + ".envelope"), envelope(m), StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("smtpunit: cannot save message " + n + " in " + dir + ": " + e);
        }
    }

    /**
     * The envelope of a message, one {@code name: value} line per fact.
     *
     * @param m the message
     * @return the text of its {@code .envelope} file
     */
    static String envelope(ReceivedMessage m) {
        Envelope e = m.envelope();
        StringBuilder sb = new StringBuilder();
        sb.append("mail-from: <")
                .append(e.sender())
                .append('>')
                .append(parameters(e.mailParameters()))
                .append('\n');
        for (Recipient r : e.recipients()) {
            sb.append("rcpt-to: <")
                    .append(r.address())
                    .append('>')
                    .append(parameters(r.parameters()))
                    .append('\n');
        }
        sb.append("helo: ").append(e.heloName()).append('\n');
        sb.append("client: ")
                .append(e.clientAddress().getAddress().getHostAddress())
                .append(':')
                .append(e.clientAddress().getPort())
                .append('\n');
        sb.append("session: ").append(e.sessionId()).append('\n');
        e.tls()
                .ifPresent(t -> sb.append("tls: ")
                        .append(t.protocol())
                        .append(' ')
                        .append(t.cipherSuite())
                        .append('\n'));
        e.authenticatedUser().ifPresent(u -> sb.append("auth: ").append(u).append('\n'));
        sb.append("received-at: ").append(e.receivedAt()).append('\n');
        sb.append("size: ").append(m.size()).append('\n');
        return sb.toString();
    }

    private static String parameters(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(' ').append(k).append(v == null || v.isEmpty() ? "" : "=" + v));
        return sb.toString();
    }

    static String describe(int n, ReceivedMessage m) {
        String subject;
        try {
            subject = m.subject();
        } catch (IllegalStateException e) {
            subject = "(unparseable)";
        }
        return "#" + n + " from <" + m.envelope().sender() + "> to "
                + m.envelope().recipientAddresses() + " subject \""
                + subject + "\" " + m.size() + " bytes, session " + m.envelope().sessionId()
                + m.envelope().tls().map(t -> ", " + t.protocol()).orElse("")
                + m.envelope().authenticatedUser().map(u -> ", auth " + u).orElse("");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown address " + s, e);
        }
    }

    static String usage() {
        return """
                Usage: smtpunit [options]
                  --port N              plain SMTP port (default 2525; 0 = any free port)
                  --smtps-port N        also listen for implicit TLS (SMTPS) on N
                  --bind ADDRESS        address to listen on (default 127.0.0.1)
                  --hostname NAME       name in the greeting and EHLO reply (default localhost)
                  --starttls MODE       off | offered | required (default off)
                  --user NAME:PASSWORD  offer AUTH for this user (repeatable)
                  --auth MECHANISMS     the AUTH mechanisms to offer, e.g. cram-md5,plain (default plain,login)
                  --token USER:TOKEN    accept this OAuth token in XOAUTH2/OAUTHBEARER (repeatable)
                  --accept-any-auth     offer AUTH and accept any credentials
                  --require-auth        refuse MAIL before AUTH (530)
                  --max-size BYTES      advertise SIZE and refuse larger messages (552)
                  --max-messages N      keep at most N messages in memory, dropping the oldest (default 500; 0 = all)
                  --max-sessions N      keep at most N sessions in the transcript, dropping the oldest closed (default 1000; 0 = all)
                  --max-entries N       keep each session's first and latest N/2 transcript entries (default 200; 0 = all)
                  --line-deadline SECS  close a client whose line takes longer than SECS to arrive (default none)
                  --chunking            offer CHUNKING and BINARYMIME (BDAT, RFC 3030)
                  --transcript          print each SMTP session when it ends
                  --save-dir DIR        write each message to DIR/0001.eml and its envelope to DIR/0001.envelope
                  --export-cert FILE    write the server's certificate as PEM (with --starttls or --smtps-port)
                  --provider-apis       serve the SendGrid, Mailgun, Postmark and SES HTTP APIs too (free ports, printed)
                """;
    }
}
