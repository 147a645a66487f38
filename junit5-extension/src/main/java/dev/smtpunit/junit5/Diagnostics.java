package dev.smtpunit.junit5;

import java.util.List;

/**
 * The evidence attached to a failed test: for each server it used, the mailbox summary and the
 * SMTP transcript, bounded in size.
 */
final class Diagnostics {
    static final int MAX_CHARS = 16_000;

    private Diagnostics() {}

    static String report(List<ServerRegistry.Entry> servers) {
        StringBuilder sb = new StringBuilder();
        for (ServerRegistry.Entry e : servers) {
            String label = e.name().isEmpty() ? "SMTP server" : "SMTP server '" + e.name() + "'";
            sb.append("=== ").append(label).append(" (").append(e.server().isRunning() ? e.server().host() + ":" + e.server().port()
                    : "stopped").append(") ===\n");
            sb.append("Mailbox: ").append(e.server().mailbox().summary().stripTrailing()).append('\n');
            if (!e.server().faults().rules().isEmpty()) {
                sb.append("Fault rules:\n").append(e.server().faults()).append('\n');
            }
            sb.append("Transcript:\n").append(e.server().transcript());
        }
        if (sb.length() > MAX_CHARS) {
            int cut = sb.length() - MAX_CHARS;
            return "... (" + cut + " characters of the start left out)\n" + sb.substring(cut);
        }
        return sb.toString();
    }

    /** Carries the report on the failure, as a suppressed exception without a stack trace. */
    static final class SmtpEvidence extends RuntimeException {
        SmtpEvidence(String report) {
            super("SMTP evidence of this test:\n" + report, null, false, false);
        }
    }
}
