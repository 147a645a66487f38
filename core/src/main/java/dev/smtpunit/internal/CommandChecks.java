package dev.smtpunit.internal;

import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpServerOptions;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks SmtpUnit makes before James sees a command, where James is more lenient than the RFCs:
 * ESMTP parameters that were not advertised (RFC 5321 section 4.1.1.11: 555). The octets a command
 * may hold are checked by {@link CommandText}, the values of the parameters by {@link ParameterValues}.
 */
final class CommandChecks {
    /** RFC 5321 4.5.3.1.4 says 512; extensions raise it, and production servers allow 2048. */
    static final int MAX_COMMAND_LINE = 2048;
    /** RFC 4954 section 4: AUTH lines may be up to 12288 octets. */
    static final int MAX_AUTH_LINE = 12288;

    private CommandChecks() {}

    /**
     * The parameters a server with these options understands for MAIL or RCPT.
     *
     * @param options the server options
     * @param phase MAIL or RCPT
     * @return upper-case parameter names
     */
    static Set<String> allowedParameters(SmtpServerOptions options, SmtpPhase phase) {
        Set<String> allowed = new HashSet<>();
        Set<String> hidden = options.hiddenExtensions();
        Set<String> extra = new HashSet<>();
        for (String line : options.extraExtensions()) {
            extra.add(line.split(" ")[0].toUpperCase(Locale.ROOT));
        }
        if (phase == SmtpPhase.MAIL) {
            if (options.maxMessageSize() > 0 && !hidden.contains("SIZE")) {
                allowed.add("SIZE");
            }
            if (!hidden.contains("8BITMIME")) {
                allowed.add("BODY");
            }
            if (options.authMode() != SmtpServerOptions.AuthMode.OFF && !hidden.contains("AUTH")) {
                allowed.add("AUTH");
            }
            if (options.dsn()) {
                allowed.add("RET");
                allowed.add("ENVID");
            }
            if (options.smtpUtf8()) {
                allowed.add("SMTPUTF8");
            }
            if (extra.contains("REQUIRETLS")) {
                allowed.add("REQUIRETLS");
            }
        } else if (options.dsn()) {
            allowed.add("NOTIFY");
            allowed.add("ORCPT");
        }
        return allowed;
    }

    /**
     * @param options the server options
     * @return whether EHLO offers BINARYMIME (RFC 3030 section 3), which comes with CHUNKING
     */
    static boolean binaryMimeOffered(SmtpServerOptions options) {
        return options.chunking() && !options.hiddenExtensions().contains("BINARYMIME");
    }

    /**
     * Checks the parameters of MAIL or RCPT.
     *
     * @param options the server options
     * @param phase MAIL or RCPT
     * @param parameters the parsed parameters
     * @return the refusal text after the code, or null when all is well
     */
    static String checkParameters(SmtpServerOptions options, SmtpPhase phase, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return null;
        }
        Set<String> allowed = allowedParameters(options, phase);
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!allowed.contains(p.getKey())) {
                return "5.5.4 Unsupported " + phase + " parameter " + p.getKey() + " (its extension is not advertised)";
            }
            if (p.getKey().equals("BODY")) {
                String v = p.getValue().toUpperCase(Locale.ROOT);
                boolean binary = binaryMimeOffered(options);
                if (!v.equals("7BIT") && !v.equals("8BITMIME") && !(binary && v.equals("BINARYMIME"))) {
                    return "5.5.4 Invalid BODY value " + p.getValue()
                            + (binary ? " (7BIT, 8BITMIME or BINARYMIME)" : " (7BIT or 8BITMIME)");
                }
            }
        }
        return null;
    }
}
