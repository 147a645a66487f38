package dev.smtpunit.internal;

import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.SmtpServerOptions.AuthMode;
import dev.smtpunit.SmtpServerOptions.StartTlsMode;

/**
 * The order a session must follow before mail is accepted, in one place: EHLO before the ESMTP
 * extensions STARTTLS and AUTH (RFC 3207 section 4, RFC 4954 section 4), TLS before AUTH and MAIL
 * when STARTTLS is required (RFC 3207 section 4), AUTH before MAIL when authentication is required
 * (RFC 4954 section 6), one AUTH per session and none inside a transaction (RFC 4954 section 4), no
 * nested MAIL (RFC 5321 section 4.1.4), and what EHLO may offer at each point.
 *
 * <p>Each rule answers with the reply text after the code, or null when the command may proceed.
 */
final class SessionPolicy {
    private SessionPolicy() {}

    /** What the rules look at: the state of one session. */
    interface State {
        /** {@return the server's options} */
        SmtpServerOptions options();

        /** {@return whether the client has said EHLO or HELO since the session began or TLS started} */
        boolean greeted();

        /** {@return whether the connection is encrypted} */
        boolean tlsActive();

        /** {@return whether the client has authenticated} */
        boolean authenticated();

        /** {@return whether a mail transaction is open (MAIL accepted)} */
        boolean inTransaction();
    }

    /**
     * The rules checked as a command arrives, before fault rules and James see it.
     *
     * @param phase the command
     * @param state the session
     * @return the refusal (code and text), or null
     */
    static Refusal beforeCommand(SmtpPhase phase, State state) {
        if ((phase == SmtpPhase.AUTH || phase == SmtpPhase.STARTTLS) && !state.greeted()) {
            // both are ESMTP extensions, discovered through EHLO (and after STARTTLS the EHLO is forgotten)
            return new Refusal(503, "5.5.1 Error: send HELO/EHLO first");
        }
        if (phase == SmtpPhase.MAIL && state.inTransaction()) {
            // James would answer 503 but also drop the transaction in progress
            return new Refusal(503, "5.5.1 Error: nested MAIL command");
        }
        return null;
    }

    /**
     * Whether AUTH may start now; checked when the AUTH command itself runs, before its mechanism.
     *
     * @param state the session
     * @return the refusal, or null
     */
    static Refusal auth(State state) {
        SmtpServerOptions options = state.options();
        if (options.authMode() == AuthMode.OFF) {
            return new Refusal(503, "5.5.1 Error: authentication not enabled");
        }
        if (options.startTls() == StartTlsMode.REQUIRED && !state.tlsActive()) {
            return new Refusal(530, "5.7.0 Must issue a STARTTLS command first");
        }
        if (state.authenticated()) {
            return new Refusal(503, "5.5.1 Error: already authenticated");
        }
        if (state.inTransaction()) {
            return new Refusal(503, "5.5.1 Error: AUTH not permitted during a mail transaction");
        }
        return null;
    }

    /**
     * Whether MAIL may open a transaction; checked after James has checked the sequence and syntax.
     *
     * @param state the session
     * @return the refusal, or null
     */
    static Refusal mail(State state) {
        SmtpServerOptions options = state.options();
        if (options.startTls() == StartTlsMode.REQUIRED && !state.tlsActive()) {
            return new Refusal(530, "5.7.0 Must issue a STARTTLS command first");
        }
        if (options.authRequired() && !state.authenticated()) {
            return new Refusal(530, "5.7.0 Authentication required");
        }
        return null;
    }

    /**
     * @param options the options
     * @param implicitTls whether the listener is SMTPS
     * @return whether STARTTLS is offered on such a listener
     */
    static boolean startTlsOffered(SmtpServerOptions options, boolean implicitTls) {
        return !implicitTls && options.startTls() != StartTlsMode.OFF;
    }

    /**
     * @param options the options
     * @param tlsActive whether the session is encrypted
     * @return whether EHLO advertises AUTH (not before TLS when TLS is required)
     */
    static boolean authOffered(SmtpServerOptions options, boolean tlsActive) {
        return options.authMode() != AuthMode.OFF && (tlsActive || options.startTls() != StartTlsMode.REQUIRED);
    }

    /**
     * A refusal.
     *
     * @param code the reply code
     * @param text the text after the code, enhanced status code first
     */
    record Refusal(int code, String text) {}
}
