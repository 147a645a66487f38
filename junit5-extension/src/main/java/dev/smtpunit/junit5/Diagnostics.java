package dev.smtpunit.junit5;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.internal.Bounded;

import java.util.List;

/**
 * The evidence attached to a failed test: for each server it used, the mailbox summary, the fault
 * rules and the SMTP transcript, each bounded (the first lines of each session are kept), and the
 * whole cut at a line boundary near {@link #MAX_CHARS}, keeping its start.
 */
final class Diagnostics {
    static final int MAX_CHARS = 16_000;

    private Diagnostics() {}

    static String report(List<ServerRegistry.Entry> servers) {
        return report(servers, "");
    }

    /**
     * The evidence, leaving out what the failure message already shows (a transcript or mailbox
     * assertion prints them), so that each is printed once.
     *
     * @param servers the servers the test used
     * @param shown the failure message, or ""
     * @return the report
     */
    static String report(List<ServerRegistry.Entry> servers, String shown) {
        String already = shown == null ? "" : shown.replace("\r\n", "\n");
        StringBuilder sb = new StringBuilder();
        for (ServerRegistry.Entry e : servers) {
            String label = e.name().isEmpty() ? "SMTP server" : "SMTP server '" + e.name() + "'";
            sb.append("=== ")
                    .append(label)
                    .append(" (")
                    .append(
                            e.server().isRunning()
                                    ? e.server().host() + ":" + e.server().port()
                                    : "stopped")
                    .append(") ===\n");
            List<ReceivedMessage> messages = e.server().mailbox().messages();
            String listing = Bounded.messages(messages).stripTrailing();
            if (!messages.isEmpty() && already.contains(listing)) {
                sb.append("Mailbox: ")
                        .append(messages.size())
                        .append(messages.size() == 1 ? " message" : " messages")
                        .append(", listed in the failure above\n");
            } else {
                sb.append("Mailbox: ")
                        .append(e.server().mailbox().summary().stripTrailing())
                        .append('\n');
            }
            if (!e.server().faults().rules().isEmpty()) {
                sb.append("Fault rules:\n")
                        .append(Bounded.lines(e.server().faults().toString(), Bounded.HEAD_LINES, Bounded.TAIL_LINES))
                        .append('\n');
            }
            String transcript = Bounded.transcript(
                    e.server().transcript().sessions(), e.server().transcript().droppedSessionCount());
            int shownUpTo = e.server().transcript().sessions().isEmpty() ? 0 : shownPrefix(transcript, already);
            if (shownUpTo == 0) {
                sb.append("Transcript:\n").append(transcript);
            } else if (shownUpTo == transcript.length()) {
                sb.append("Transcript: printed in the failure above\n");
            } else {
                sb.append("Transcript: printed in the failure above, then:\n").append(transcript.substring(shownUpTo));
            }
        }
        return Bounded.start(sb.toString(), MAX_CHARS);
    }

    /**
     * How much of the transcript, in whole lines from its start, the failure message already shows
     * (the server may have recorded more since the assertion printed it, such as the disconnect).
     *
     * @return the length of that prefix, 0 when none
     */
    private static int shownPrefix(String transcript, String already) {
        int end = 0;
        for (int next = transcript.indexOf('\n'); next >= 0; next = transcript.indexOf('\n', next + 1)) {
            if (!already.contains(transcript.substring(0, next))) {
                break;
            }
            end = next + 1;
        }
        return end;
    }

    /** Carries the report on the failure, as a suppressed exception without a stack trace. */
    static final class SmtpEvidence extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SmtpEvidence(String report) {
            super("SMTP evidence of this test:\n" + report, null, false, false);
        }
    }
}
