package dev.smtpunit;

import java.util.Locale;

/**
 * A point in an SMTP conversation: the connection itself, each command the server understands,
 * and the end of the message content. Transcript exchanges are tagged with their phase, and fault
 * rules are attached to one.
 *
 * <pre>{@code
 * assertThat(smtp.transcript()).repliedTo(SmtpPhase.RCPT, 452).times(2);
 * }</pre>
 */
public enum SmtpPhase {
    /** The connection is opened; the server's reply is the greeting. */
    CONNECT,
    /** {@code EHLO}. */
    EHLO,
    /** {@code HELO}. */
    HELO,
    /** {@code STARTTLS}. */
    STARTTLS,
    /** {@code AUTH}, including its continuation lines. */
    AUTH,
    /** {@code MAIL FROM}. */
    MAIL,
    /** {@code RCPT TO}. */
    RCPT,
    /** The {@code DATA} command (answered with 354). */
    DATA,
    /** The final {@code <CRLF>.<CRLF>} of the message content. */
    END_OF_DATA,
    /**
     * {@code BDAT} (RFC 3030) with its chunk: the reply comes once the chunk's octets are read. At the
     * {@code LAST} chunk, rules on {@link #END_OF_DATA} apply too (after those on BDAT).
     */
    BDAT,
    /** {@code RSET}. */
    RSET,
    /** {@code NOOP}. */
    NOOP,
    /** {@code QUIT}. */
    QUIT,
    /** {@code VRFY}. */
    VRFY,
    /** {@code EXPN}. */
    EXPN,
    /** {@code HELP}. */
    HELP,
    /** A command the server does not know. */
    UNKNOWN,
    /** Matches every phase; used by fault rules, never recorded in a transcript. */
    ANY;

    /**
     * The phase of a command verb as a client sends it, such as {@code "rcpt"}.
     *
     * @param verb the first word of a command line
     * @return the matching phase, or {@link #UNKNOWN}
     */
    public static SmtpPhase ofVerb(String verb) {
        switch (verb.toUpperCase(Locale.ROOT)) {
            case "EHLO":
                return EHLO;
            case "HELO":
                return HELO;
            case "STARTTLS":
                return STARTTLS;
            case "AUTH":
                return AUTH;
            case "MAIL":
                return MAIL;
            case "RCPT":
                return RCPT;
            case "DATA":
                return DATA;
            case "BDAT":
                return BDAT;
            case "RSET":
                return RSET;
            case "NOOP":
                return NOOP;
            case "QUIT":
                return QUIT;
            case "VRFY":
                return VRFY;
            case "EXPN":
                return EXPN;
            case "HELP":
                return HELP;
            default:
                return UNKNOWN;
        }
    }

    /**
     * Whether a rule or query for this phase covers {@code other}.
     *
     * @param other a concrete phase
     * @return true when equal, or when this is {@link #ANY}
     */
    public boolean covers(SmtpPhase other) {
        return this == ANY || this == other;
    }
}
