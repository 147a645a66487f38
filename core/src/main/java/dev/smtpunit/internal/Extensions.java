package dev.smtpunit.internal;

import dev.smtpunit.SmtpReply;
import dev.smtpunit.SmtpServerOptions;

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
        List<String> lines = new ArrayList<>(ehlo.lines().size() + options.extraExtensions().size());
        lines.add(firstLine);
        if (ehlo.lines().size() == 1 && options.extraExtensions().isEmpty()) {
            return new SmtpReply(ehlo.code(), lines);
        }
        for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
            String keyword = line.split("[ =]")[0].toUpperCase(Locale.ROOT);
            if (!options.hiddenExtensions().contains(keyword)) {
                lines.add(line);
            }
        }
        if (ehlo.lines().size() > 1) {
            if (options.chunking() && !options.hiddenExtensions().contains("CHUNKING")) {
                lines.add("CHUNKING");
            }
            if (CommandChecks.binaryMimeOffered(options)) {
                lines.add("BINARYMIME");
            }
            lines.addAll(options.extraExtensions());
        }
        return new SmtpReply(ehlo.code(), lines);
    }
}
