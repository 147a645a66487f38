package dev.smtpunit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One AUTH exchange read from a transcript: the {@code AUTH} command, its continuation lines and how
 * it ended. {@link Transcript#authAttempts()} lists them, so a test can tell "the token was refused,
 * the client refreshed it and the second AUTH was accepted" from the wire.
 *
 * <pre>{@code
 * assertThat(smtp.transcript().authAttempts()).extracting(AuthAttempt::outcome)
 *         .containsExactly(AuthAttempt.Outcome.REFUSED, AuthAttempt.Outcome.ACCEPTED);
 * }</pre>
 *
 * @param sessionId the session the attempt belongs to
 * @param mechanism the mechanism named by the client, upper case (it may be one the server does not offer)
 * @param outcome how the attempt ended
 * @param lastReply the last reply of the attempt, or null when none was sent
 */
public record AuthAttempt(int sessionId, String mechanism, Outcome outcome, SmtpReply lastReply) {

    /** How an AUTH attempt ended. */
    public enum Outcome {
        /** {@code 235}: the client is authenticated. */
        ACCEPTED,
        /**
         * Any other final reply ({@code 535}, {@code 501}, {@code 504}, ...), or an OAuth error challenge
         * (a {@code 334} with a JSON error) after which the client gave up.
         */
        REFUSED,
        /** The client answered a challenge with {@code *}. */
        CANCELLED,
        /** The exchange never ended: the connection closed or the server stopped replying mid-exchange. */
        UNFINISHED
    }

    /** {@return the mechanism, when SmtpUnit implements it} */
    public Optional<AuthMechanism> knownMechanism() {
        return AuthMechanism.ofSaslName(mechanism);
    }

    @Override
    public String toString() {
        return "session " + sessionId + ": AUTH " + mechanism + " "
                + outcome.name().toLowerCase(Locale.ROOT)
                + (lastReply == null
                        ? " (no reply)"
                        : " (" + lastReply.code() + " " + lastReply.lines().get(0) + ")");
    }

    /**
     * Reads the attempts of one session.
     *
     * @param sessionId the session number
     * @param exchanges the session's exchanges in order
     * @return the attempts in order
     */
    static List<AuthAttempt> of(int sessionId, List<TranscriptEntry.Exchange> exchanges) {
        List<AuthAttempt> attempts = new ArrayList<>();
        Reader reader = new Reader(sessionId, attempts);
        for (TranscriptEntry.Exchange x : exchanges) {
            if (x.phase() == SmtpPhase.AUTH && x.isCommand()) {
                reader.finish();
                reader.begin(x);
            } else if (x.continuation() && reader.mechanism != null) {
                reader.step(x);
            } else {
                reader.finish();
            }
        }
        reader.finish();
        return attempts;
    }

    /** Follows one attempt at a time through a session. */
    private static final class Reader {
        private final int sessionId;
        private final List<AuthAttempt> attempts;
        private String mechanism;
        private SmtpReply last;
        private boolean cancelled;
        private boolean errorChallenge;

        Reader(int sessionId, List<AuthAttempt> attempts) {
            this.sessionId = sessionId;
            this.attempts = attempts;
        }

        void begin(TranscriptEntry.Exchange command) {
            String[] words = command.clientLine().strip().split(" +");
            mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
            cancelled = false;
            errorChallenge = false;
            step(command);
        }

        void step(TranscriptEntry.Exchange x) {
            last = x.reply();
            cancelled = x.continuation() && "*".equals(x.clientLine());
            if (last != null && last.code() == 334) {
                // in XOAUTH2 and OAUTHBEARER the only non-empty challenge is the JSON error (RFC 7628 section 3.2.2)
                boolean token = AuthMechanism.ofSaslName(mechanism)
                        .map(AuthMechanism::usesToken)
                        .orElse(false);
                errorChallenge |= token && !last.lines().get(0).isEmpty();
                return;
            }
            finish();
        }

        void finish() {
            if (mechanism == null) {
                return;
            }
            int code = last == null ? 0 : last.code();
            Outcome outcome;
            if (code == 235) {
                outcome = Outcome.ACCEPTED;
            } else if (cancelled) {
                outcome = Outcome.CANCELLED;
            } else if (code == 0 || code == 334) {
                outcome = errorChallenge ? Outcome.REFUSED : Outcome.UNFINISHED;
            } else {
                outcome = Outcome.REFUSED;
            }
            attempts.add(new AuthAttempt(sessionId, mechanism, outcome, last));
            mechanism = null;
        }
    }
}
