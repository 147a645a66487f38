package dev.smtpunit.assertj;

import dev.smtpunit.AuthAttempt;
import dev.smtpunit.AuthMechanism;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.Transcript;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.assertj.internal.Frames;
import dev.smtpunit.assertj.internal.ShouldHave;
import dev.smtpunit.internal.Bounded;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assertions on what crossed the wire. Failures print the transcript in {@code C:}/{@code S:} form,
 * bounded: the first lines and the last of each session, the first sessions and the last of many,
 * with a line saying what was left out.
 *
 * <pre>{@code
 * assertThat(smtp.transcript()).containsCommandsInOrder(EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, QUIT)
 *                              .upgradedToTlsBeforeAuth()
 *                              .usedAuthMechanism("PLAIN");
 * assertThat(smtp.transcript()).repliedTo(RCPT, 452).times(2).thenRepliedTo(RCPT, 250);
 * }</pre>
 */
public class TranscriptAssert extends AbstractAssert<TranscriptAssert, Transcript> {
    /** How navigation continues and where failures go; set by {@link Navigation}. */
    Navigation navigation = Navigation.HARD;

    /**
     * Creates the assertions; tests start them with {@code SmtpAssertions.assertThat(transcript)}.
     *
     * @param actual the transcript under test
     */
    public TranscriptAssert(Transcript actual) {
        super(actual, TranscriptAssert.class);
    }

    /** Failures point at the test: SmtpUnit's own frames are taken out of the stack trace. */
    @Override
    protected AssertionError assertionError(ErrorMessageFactory factory) {
        return Frames.strip(super.assertionError(factory));
    }

    /** Fails with the transcript as evidence: thrown, or collected inside soft assertions (so that reply sequences stay soft). */
    void failWith(String expectation) {
        try {
            throwAssertionError(ShouldHave.transcript(
                    Bounded.value(expectation),
                    Bounded.transcript(actual.sessions(), actual.droppedSessionCount())
                            .stripTrailing()
                            .replace("\n", ShouldHave.NL)));
        } catch (AssertionError e) {
            navigation.fail(e);
        }
    }

    /**
     * The client sent these commands in this order (others may come between).
     * <pre>{@code assertThat(transcript).containsCommandsInOrder(EHLO, STARTTLS, EHLO, AUTH, MAIL);}</pre>
     *
     * @param phases the commands
     * @return this
     */
    public TranscriptAssert containsCommandsInOrder(SmtpPhase... phases) {
        isNotNull();
        List<SmtpPhase> commands = actual.commands();
        int at = 0;
        for (SmtpPhase c : commands) {
            if (at < phases.length && phases[at] == c) {
                at++;
            }
        }
        if (at < phases.length) {
            failWith("contain the commands " + Arrays.toString(phases) + " in this order (" + phases[at]
                    + " not found after the ones before it); the commands were " + commands);
        }
        return this;
    }

    /**
     * The client sent exactly these commands, in this order, across all sessions.
     * <pre>{@code assertThat(transcript).containsExactlyCommands(EHLO, MAIL, RCPT, DATA, QUIT);}</pre>
     *
     * @param phases the commands
     * @return this
     */
    public TranscriptAssert containsExactlyCommands(SmtpPhase... phases) {
        isNotNull();
        List<SmtpPhase> commands = actual.commands();
        if (!commands.equals(List.of(phases))) {
            failWith("contain exactly the commands " + Arrays.toString(phases) + " but the commands were " + commands);
        }
        return this;
    }

    /**
     * The server answered a command of this phase with this code at least once; continue with
     * {@link ReplySequence#times(int)} and {@link ReplySequence#thenRepliedTo(SmtpPhase, int)}.
     * <pre>{@code assertThat(transcript).repliedTo(RCPT, 452).times(2).thenRepliedTo(RCPT, 250);}</pre>
     *
     * @param phase the command
     * @param code the reply code
     * @return the reply sequence
     */
    public ReplySequence repliedTo(SmtpPhase phase, int code) {
        isNotNull();
        return new ReplySequence(this, actual.exchanges(), 0).repliedTo(phase, code);
    }

    /**
     * In every session that used AUTH, TLS was established before it.
     * <pre>{@code assertThat(transcript).upgradedToTlsBeforeAuth();}</pre>
     *
     * @return this
     */
    public TranscriptAssert upgradedToTlsBeforeAuth() {
        isNotNull();
        boolean sawAuth = false;
        for (SessionTranscript s : actual.sessions()) {
            boolean tls = false;
            for (TranscriptEntry e : s.entries()) {
                if (e instanceof TranscriptEntry.Event ev && ev.kind() == TranscriptEntry.Kind.TLS_ESTABLISHED) {
                    tls = true;
                } else if (e instanceof TranscriptEntry.Exchange x && x.phase() == SmtpPhase.AUTH) {
                    sawAuth = true;
                    if (!tls) {
                        failWith(
                                "show TLS established before AUTH, but session " + s.id() + " sent AUTH in plain text");
                    }
                }
            }
        }
        if (!sawAuth) {
            failWith("show TLS established before AUTH, but no session used AUTH");
        }
        return this;
    }

    /**
     * Some session authenticated with this SASL mechanism: an AUTH attempt with it ended in {@code 235}
     * (an attempt that got {@code 535} does not count).
     * <pre>{@code assertThat(transcript).usedAuthMechanism("PLAIN");}</pre>
     *
     * @param mechanism such as PLAIN, LOGIN, CRAM-MD5 or XOAUTH2, any case
     * @return this
     */
    public TranscriptAssert usedAuthMechanism(String mechanism) {
        isNotNull();
        String wanted = mechanism.toUpperCase(Locale.ROOT);
        List<AuthAttempt> attempts = actual.authAttempts();
        if (attempts.stream()
                .noneMatch(a -> a.mechanism().equals(wanted) && a.outcome() == AuthAttempt.Outcome.ACCEPTED)) {
            failWith("show AUTH " + wanted + " accepted (235), but " + describe(attempts));
        }
        return this;
    }

    /**
     * Some session authenticated with this SASL mechanism (an AUTH with it ended in {@code 235}).
     * <pre>{@code assertThat(transcript).usedAuthMechanism(AuthMechanism.XOAUTH2);}</pre>
     *
     * @param mechanism the mechanism
     * @return this
     */
    public TranscriptAssert usedAuthMechanism(AuthMechanism mechanism) {
        return usedAuthMechanism(mechanism.saslName());
    }

    /**
     * The AUTH attempts of all sessions, in order, ended like this: the story of "the token was
     * refused, the client refreshed it and the second AUTH was accepted".
     * <pre>{@code assertThat(transcript).hasAuthAttempts(REFUSED, ACCEPTED).usedAuthMechanism(AuthMechanism.XOAUTH2);}</pre>
     *
     * @param outcomes how each attempt ended, in order
     * @return this
     */
    public TranscriptAssert hasAuthAttempts(AuthAttempt.Outcome... outcomes) {
        isNotNull();
        List<AuthAttempt> attempts = actual.authAttempts();
        if (!attempts.stream().map(AuthAttempt::outcome).toList().equals(List.of(outcomes))) {
            failWith("show AUTH attempts ending " + Arrays.toString(outcomes) + ", but " + describe(attempts));
        }
        return this;
    }

    private static String describe(List<AuthAttempt> attempts) {
        return attempts.isEmpty() ? "no session used AUTH" : "the AUTH attempts were " + attempts;
    }

    /**
     * The client pipelined at least one command (sent it before the previous reply).
     * <pre>{@code assertThat(transcript).usedPipelining();}</pre>
     *
     * @return this
     */
    public TranscriptAssert usedPipelining() {
        isNotNull();
        if (actual.exchanges().stream().noneMatch(TranscriptEntry.Exchange::pipelined)) {
            failWith("show pipelined commands, but the client waited for every reply");
        }
        return this;
    }

    /**
     * The clients used at least these ESMTP extensions (see {@link Transcript#extensionsUsed()}).
     * <pre>{@code assertThat(transcript).usedExtensions("SMTPUTF8", "DSN");}</pre>
     *
     * @param keywords extension keywords, any case
     * @return this
     */
    public TranscriptAssert usedExtensions(String... keywords) {
        isNotNull();
        Set<String> used = actual.extensionsUsed();
        List<String> missing = Arrays.stream(keywords)
                .map(k -> k.toUpperCase(Locale.ROOT))
                .filter(k -> !used.contains(k))
                .toList();
        if (!missing.isEmpty()) {
            failWith("show the extensions " + Arrays.toString(keywords) + " used, but " + missing
                    + " were not; the client used " + used);
        }
        return this;
    }

    /**
     * The clients used exactly these ESMTP extensions, no other (see {@link Transcript#extensionsUsed()}).
     * <pre>{@code assertThat(transcript).usedExactlyExtensions("PIPELINING", "SIZE");}</pre>
     *
     * @param keywords extension keywords, any case; none for a client that used no extension
     * @return this
     */
    public TranscriptAssert usedExactlyExtensions(String... keywords) {
        isNotNull();
        Set<String> used = actual.extensionsUsed();
        Set<String> want =
                Arrays.stream(keywords).map(k -> k.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!used.equals(want)) {
            failWith("show exactly the extensions " + Arrays.toString(keywords) + " used, but the client used " + used);
        }
        return this;
    }

    /**
     * This many connections were made.
     * <pre>{@code assertThat(transcript).hasSessionCount(3);}</pre>
     *
     * @param count the number of sessions
     * @return this
     */
    public TranscriptAssert hasSessionCount(int count) {
        isNotNull();
        int n = actual.sessions().size();
        if (n != count) {
            failWith("have " + count + " session" + (count == 1 ? "" : "s") + " but it has " + n);
        }
        return this;
    }

    /**
     * The client broke no protocol rule (bare LF, plaintext after STARTTLS, ...).
     * <pre>{@code assertThat(transcript).hasNoProtocolViolations();}</pre>
     *
     * @return this
     */
    public TranscriptAssert hasNoProtocolViolations() {
        isNotNull();
        List<String> violations = new ArrayList<>();
        for (SessionTranscript s : actual.sessions()) {
            for (TranscriptEntry.Event e : s.events()) {
                if (e.kind() == TranscriptEntry.Kind.PROTOCOL_VIOLATION) {
                    violations.add("session " + s.id() + ": " + e.detail());
                }
            }
        }
        if (!violations.isEmpty()) {
            failWith("show no protocol violation, but found " + violations);
        }
        return this;
    }

    /**
     * Continues with assertions on one session only.
     * <pre>{@code assertThat(transcript).session(2).containsExactlyCommands(EHLO, MAIL, RCPT, DATA, QUIT);}</pre>
     *
     * @param id the session number, from 1
     * @return assertions on a transcript holding only that session
     */
    public TranscriptAssert session(int id) {
        isNotNull();
        try {
            return navigation.transcript(actual.only(id));
        } catch (IllegalArgumentException e) {
            failWith("have a session " + id);
            return this;
        }
    }
}
