package dev.smtpunit.internal;

import dev.smtpunit.SmtpReply;
import dev.smtpunit.SmtpServerOptions;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hides and adds EHLO keywords as the options say. */
final class Extensions {
    private Extensions() {}

    /**
     * @param ehlo James' reply to EHLO or HELO
     * @param options the options
     * @param firstLine the first line to use (James' has a stray parenthesis)
     * @return the reply the client sees
     */
    static SmtpReply adjust(SmtpReply ehlo, SmtpServerOptions options, String firstLine) {
        List<String> lines =
                new ArrayList<>(ehlo.lines().size() + options.extraExtensions().size());
        lines.add(firstLine);
        if (ehlo.lines().size() == 1) {
            return new SmtpReply(ehlo.code(), lines);
        }
        for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
            String keyword = keyword(line);
            if (!options.hiddenExtensions().contains(keyword)) {
                lines.add(line);
            }
        }
        if (options.chunking() && !options.hiddenExtensions().contains("CHUNKING")) {
            lines.add("CHUNKING");
        }
        if (CommandChecks.binaryMimeOffered(options)) {
            lines.add("BINARYMIME");
        }
        lines.addAll(implemented(options));
        lines.addAll(options.extraExtensions());
        return new SmtpReply(ehlo.code(), lines);
    }

    /** The EHLO keyword of a line: up to its first space or {@code =}, upper case (no regular expression per line). */
    private static String keyword(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '=') {
            end++;
        }
        return line.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** The keywords of the extensions SmtpUnit implements beside James' EHLO handler. */
    private static List<String> implemented(SmtpServerOptions options) {
        List<String> keywords = new ArrayList<>(2);
        if (options.dsn()) {
            keywords.add("DSN");
        }
        if (options.smtpUtf8()) {
            keywords.add("SMTPUTF8");
        }
        return keywords;
    }

    /**
     * The first line of the reply to EHLO or HELO. An address literal is not repeated when it is the
     * client's own address.
     *
     * @param options the options
     * @param heloName the name the client gave
     * @param client the client's address
     * @return for example {@code localhost Hello client.test [127.0.0.1]}
     */
    static String helloLine(SmtpServerOptions options, String heloName, InetSocketAddress client) {
        String literal = "[" + client.getAddress().getHostAddress() + "]";
        return options.hostname() + " Hello " + heloName + (isLiteralOf(heloName, client) ? "" : " " + literal);
    }

    private static boolean isLiteralOf(String heloName, InetSocketAddress client) {
        if (!heloName.startsWith("[") || !heloName.endsWith("]")) {
            return false;
        }
        String inner = heloName.substring(1, heloName.length() - 1);
        boolean v6 = inner.regionMatches(true, 0, "IPv6:", 0, 5);
        String ip = v6 ? inner.substring(5) : inner;
        if (v6 ? !PathSyntax.ipv6(ip) : !PathSyntax.ipv4(ip)) {
            return false;
        }
        try {
            return InetAddress.getByName(ip).equals(client.getAddress()); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
