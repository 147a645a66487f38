package dev.smtpunit.junit5;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.lint.LintFinding;

import java.util.List;

/**
 * After a test that passed: for every server with {@code lint} on, lints the messages it received
 * during the test and fails the test when any has lint errors, listing every error. Checked after
 * the test rather than at the end of DATA so that the client still gets its normal reply and the
 * test's own assertions run first; the whole suite then fails on malformed mail.
 */
final class LintCheck {
    private LintCheck() {}

    static void afterTest(List<ServerRegistry.Entry> servers) {
        StringBuilder report = new StringBuilder();
        for (ServerRegistry.Entry e : servers) {
            if (!e.server().options().lint()) {
                continue;
            }
            List<ReceivedMessage> messages = e.server().mailbox().messages();
            for (int i = 0; i < messages.size(); i++) {
                List<LintFinding> errors = e.server().options().lintRules().check(messages.get(i)).stream()
                        .filter(LintFinding::isError)
                        .toList();
                if (!errors.isEmpty()) {
                    report.append(e.name().isEmpty() ? "" : "SMTP server '" + e.name() + "', ")
                            .append("message ")
                            .append(i + 1)
                            .append(" (")
                            .append(messages.get(i).summary())
                            .append("):\n");
                    errors.forEach(f -> report.append("  ").append(f).append('\n'));
                }
            }
        }
        if (report.length() > 0) {
            AssertionError error = new AssertionError("Malformed mail was sent (@SmtpServer(lint = true)):\n" + report
                    + "Fix the sender, or turn lint off for this server.");
            error.addSuppressed(new Diagnostics.SmtpEvidence(Diagnostics.report(servers)));
            throw error;
        }
    }
}
