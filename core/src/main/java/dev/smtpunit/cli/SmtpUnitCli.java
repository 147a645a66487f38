package dev.smtpunit.cli;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.Mailbox;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpServerOptions;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a server by hand, for trying a client with telnet, swaks or an application:
 *
 * <pre>
 * mvn -q -pl core exec:java -Dexec.args="--port 2525 --user app:secret --starttls offered"
 * swaks --server 127.0.0.1:2525 --to ada@example.com
 * </pre>
 *
 * Prints each message's envelope and subject as it arrives; stops cleanly on Ctrl-C.
 */
public final class SmtpUnitCli {
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
        run(parsed.options(), parsed.transcript(), System.out);
    }

    /**
     * The options of a command line.
     *
     * @param options the server options
     * @param transcript whether to print each message's session
     */
    record Parsed(SmtpServerOptions options, boolean transcript) {}

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming the option at fault
     */
    static Parsed parse(String[] args) {
        SmtpServerOptions.Builder b = SmtpServerOptions.builder().port(2525);
        boolean transcript = false;
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
                case "--chunking" -> b.chunking(true);
                case "--transcript" -> transcript = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Parsed(b.build(), transcript);
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
            mechanisms[i] = AuthMechanism.ofSaslName(names[i].trim()).orElseThrow(() -> new IllegalArgumentException(
                    "--auth takes mechanisms from PLAIN,LOGIN,CRAM-MD5,XOAUTH2,OAUTHBEARER separated by commas, was " + v));
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

    private static void run(SmtpServerOptions options, boolean transcript, PrintStream out) {
        MockSmtpServer server = new MockSmtpServer(options).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread printer = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            printer.interrupt();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.println("SmtpUnit stopped; " + server.mailbox().size() + " message(s) received.");
        }, "smtpunit-cli-stop"));
        out.println("SmtpUnit listening on " + server.host() + ":" + server.port()
                + (options.implicitTls() ? " (SMTPS on " + server.smtpsPort() + ")" : "") + " " + options);
        out.println("Press Ctrl-C to stop.");
        Mailbox mailbox = server.mailbox();
        int printed = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<ReceivedMessage> all;
                try {
                    all = mailbox.awaitMessages(printed + 1, Duration.ofDays(365));
                } catch (IllegalStateException interrupted) {
                    break;
                }
                for (ReceivedMessage m : all.subList(printed, all.size())) {
                    out.println(describe(printed + 1, m));
                    if (transcript) {
                        out.print(server.transcript().session(m.envelope().sessionId()));
                    }
                    printed++;
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    static String describe(int n, ReceivedMessage m) {
        String subject;
        try {
            subject = m.subject();
        } catch (IllegalStateException e) {
            subject = "(unparseable)";
        }
        return "#" + n + " from <" + m.envelope().sender() + "> to " + m.envelope().recipientAddresses() + " subject \""
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
                  --chunking            offer CHUNKING and BINARYMIME (BDAT, RFC 3030)
                  --transcript          print each message's SMTP session too
                """;
    }
}
