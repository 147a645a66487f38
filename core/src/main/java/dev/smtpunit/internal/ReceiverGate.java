package dev.smtpunit.internal;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.lint.LintFinding;
import dev.smtpunit.lint.ReceiverProfile;
import dev.smtpunit.lint.ReceiverRejection;

import java.util.List;
import java.util.Optional;

/**
 * The end-of-DATA check of a complete message: lints it when the options ask for it (recording the
 * findings in the transcript) and decides, as the configured {@link ReceiverProfile}, whether to
 * refuse it. One call from the connection; nothing to do when both are off.
 */
final class ReceiverGate {
    private ReceiverGate() {}

    /**
     * @param server the server's shared state
     * @param transcript the session's transcript, where findings and refusals are recorded
     * @param message the complete message
     * @return the reply refusing the message, or null to go on as usual
     */
    static Interner.WireReply refusal(ServerContext server, SessionTranscript transcript, ReceivedMessage message) {
        ReceiverProfile profile = server.options.receiverProfile();
        if (profile == ReceiverProfile.NONE && !server.options.lint()) {
            return null;
        }
        if (server.options.lint()) {
            recordFindings(server, transcript, server.options.lintRules().check(message));
        }
        if (profile == ReceiverProfile.NONE) {
            return null;
        }
        // the profile chooses its rules (and lints again when lint is on as well: both at once are rare)
        Optional<ReceiverRejection> rejection = profile.check(message);
        if (rejection.isEmpty()) {
            return null;
        }
        ReceiverRejection r = rejection.get();
        record(
                server,
                transcript,
                "receiver profile " + profile + " refused the message: rule " + r.ruleId() + ": " + r.finding());
        return server.interner.reply(r.code(), r.text());
    }

    private static void recordFindings(ServerContext server, SessionTranscript transcript, List<LintFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        long errors = findings.stream().filter(LintFinding::isError).count();
        record(
                server,
                transcript,
                "lint: " + errors + " error(s), " + (findings.size() - errors) + " warning(s); first: "
                        + findings.stream()
                                .filter(LintFinding::isError)
                                .findFirst()
                                .orElse(findings.get(0)));
    }

    private static void record(ServerContext server, SessionTranscript transcript, String detail) {
        server.recorder.event(transcript, System.currentTimeMillis(), TranscriptEntry.Kind.CONTENT_CHECK, detail);
    }
}
