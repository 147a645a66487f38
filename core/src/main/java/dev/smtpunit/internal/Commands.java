package dev.smtpunit.internal;

import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpReply;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.fault.FaultEffect;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import java.nio.charset.StandardCharsets;

/**
 * One command line's way through the server: the framing rules ({@link LineRules}), the ESMTP
 * parameter checks ({@link CommandChecks}), the session rules ({@link SessionPolicy}), the fault
 * rules, then James' command chain (whose MAIL and RCPT record the transaction in {@link Transaction});
 * and the session facts an accepted EHLO or HELO changes.
 */
final class Commands {
    /** The phases named after their verb, the most frequent first. */
    private static final SmtpPhase[] VERBS = {
        SmtpPhase.MAIL,
        SmtpPhase.RCPT,
        SmtpPhase.DATA,
        SmtpPhase.EHLO,
        SmtpPhase.QUIT,
        SmtpPhase.RSET,
        SmtpPhase.HELO,
        SmtpPhase.NOOP,
        SmtpPhase.BDAT,
        SmtpPhase.AUTH,
        SmtpPhase.STARTTLS,
        SmtpPhase.VRFY,
        SmtpPhase.EXPN,
        SmtpPhase.HELP
    };

    private final SmtpConnection conn;
    private final ServerContext server;
    private final ReplyWriter replies;
    private final SessionState state;

    Commands(SmtpConnection conn, ServerContext server, ReplyWriter replies, SessionState state) {
        this.conn = conn;
        this.server = server;
        this.replies = replies;
        this.state = state;
    }

    /**
     * Handles one command line.
     *
     * @param buf the input buffer
     * @param start the line's first octet
     * @param lf the index of its LF
     */
    void line(byte[] buf, int start, int lf) {
        replies.pipelined(conn.wire().hasPending());
        boolean crlf = lf > start && buf[lf - 1] == '\r';
        int end = crlf ? lf - 1 : lf;
        int length = end - start;
        CommandText text = CommandText.decode(buf, start, length);
        String line = text.line();
        LineHandler<SMTPSession> handler = conn.lineHandler();
        boolean continuation = handler != null;
        replies.answeringChallenge(continuation);
        SmtpPhase phase = continuation ? SmtpPhase.AUTH : phaseOf(line);
        String shown = continuation ? ((AuthCommand.Continuation) handler).mask(line) : mask(phase, line);
        LineRules.Broken broken = LineRules.check(text, length, server.options, crlf, phase, continuation);
        if (broken != null) {
            if (broken.violation() != null) {
                replies.event(TranscriptEntry.Kind.PROTOCOL_VIOLATION, broken.violation());
            }
            conn.rejectLine(phase, shown, broken.text());
            return;
        }
        if (continuation) {
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            conn.faults().play(phase, shown, null, () -> replies.james(handler.onLine(conn.session(), bytes)));
            return;
        }
        if (phase == SmtpPhase.BDAT && server.options.chunking()) {
            if (conn.chunks().begin(line, shown, replies.pipelined())) {
                conn.readChunk();
            }
            return;
        }
        CommandArgs args = null;
        PathSyntax.Result path = null;
        if (phase == SmtpPhase.MAIL || phase == SmtpPhase.RCPT) {
            path = PathSyntax.parseCommand(line, phase == SmtpPhase.MAIL);
            args = path.ok() ? path.args() : null;
            if (args != null) {
                String refusal = CommandChecks.checkParameters(server.options, phase, args.parameters());
                if (refusal != null) {
                    conn.rejectLine(phase, shown, refusal, 555);
                    return;
                }
            }
        }
        if (phase == SmtpPhase.EHLO || phase == SmtpPhase.HELO) {
            String literal = firstWord(argument(line));
            if (literal.startsWith("[") && !PathSyntax.isAddressLiteral(literal)) {
                // RFC 5321 sections 4.1.3 and 4.1.4: a malformed address literal is a syntax error
                conn.rejectLine(
                        phase,
                        shown,
                        "5.5.2 Syntax error in address literal " + literal + " (RFC 5321 section 4.1.3)",
                        501);
                return;
            }
        }
        SessionPolicy.Refusal refusal = SessionPolicy.beforeCommand(phase, state);
        if (refusal != null) {
            conn.rejectLine(phase, shown, refusal.text(), refusal.code());
            return;
        }
        if (phase == SmtpPhase.MAIL && args != null) {
            conn.transaction().begin(server.nextTransaction());
        }
        conn.parsedPath(path);
        FaultEffect effect = conn.fire(phase, line, args, null);
        conn.faults()
                .play(
                        phase,
                        shown,
                        effect,
                        () -> afterCommand(phase, line, ProtocolChain.shared().dispatch(conn.session(), line)));
    }

    /**
     * {@link SmtpPhase#ofVerb} of the line's first word, without cutting the word out of the line.
     *
     * @param line the command line
     * @return the phase
     */
    static SmtpPhase phaseOf(String line) {
        int space = line.indexOf(' ');
        int length = space < 0 ? line.length() : space;
        for (SmtpPhase p : VERBS) {
            String verb = p.name();
            if (verb.length() == length && line.regionMatches(true, 0, verb, 0, length)) {
                return p;
            }
        }
        return SmtpPhase.ofVerb(verb(line));
    }

    private static String verb(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    private String mask(SmtpPhase phase, String line) {
        return phase == SmtpPhase.AUTH ? AuthCommand.mask(line) : server.interner.string(line);
    }

    private Outcome afterCommand(SmtpPhase phase, String line, Response response) {
        Outcome outcome = replies.james(response);
        if (outcome == null || outcome.reply() == null) {
            return outcome;
        }
        if ((phase == SmtpPhase.EHLO || phase == SmtpPhase.HELO)
                && outcome.reply().reply().code() == 250) {
            SessionInfo info = state.greetedAs(argument(line));
            SmtpReply adjusted = Extensions.adjust(
                    outcome.reply().reply(),
                    server.options,
                    Extensions.helloLine(server.options, info.heloName(), info.clientAddress()));
            outcome = new Outcome(server.interner.reply(adjusted), response);
        }
        return outcome;
    }

    private static String firstWord(String argument) {
        int space = argument.indexOf(' ');
        return space < 0 ? argument : argument.substring(0, space);
    }

    private static String argument(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1).strip();
    }
}
