package dev.smtpunit.internal;

import dev.smtpunit.SmtpServerOptions;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import java.util.Collection;
import java.util.Set;

/**
 * MAIL (RFC 5321 section 4.1.1.2), in place of James' handler, whose address type needs
 * {@code javax.mail}: the reverse path is parsed strictly by {@link PathSyntax}, the parameter values
 * by {@link ParameterValues}, then the server's TLS and AUTH requirements apply.
 */
final class MailCommand implements CommandHandler<SMTPSession> {
    private static final Set<String> COMMANDS = Set.of("MAIL");

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection).isEmpty()) {
            return Replies.of("503", "5.5.0 Need HELO or EHLO before MAIL");
        }
        PathSyntax.Result parsed = PathSyntax.parseCommand(request.getCommand() + " " + request.getArgument(), true);
        if (!parsed.ok()) {
            return refusal(parsed.problem());
        }
        CommandArgs args = parsed.args();
        boolean smtpUtf8 = args.parameters().containsKey("SMTPUTF8");
        if (parsed.nonAscii() && !smtpUtf8) {
            return EnvelopeReplies.nonAscii("sender");
        }
        SmtpConnection conn = SmtpConnection.of(session);
        SmtpServerOptions options = conn.options();
        Response badValue = ParameterValues.mail(args.parameters(), options.maxMessageSize());
        if (badValue != null) {
            return badValue;
        }
        if (options.startTls() == SmtpServerOptions.StartTlsMode.REQUIRED && !session.isTLSStarted()) {
            return Replies.of("530", "5.7.0 Must issue a STARTTLS command first");
        }
        if (options.authRequired() && conn.authenticatedUser() == null) {
            return Replies.of("530", "5.7.0 Authentication required");
        }
        MailTransaction.begin(session, smtpUtf8);
        return Replies.of("250", "2.1.0 Sender <" + args.path() + "> OK");
    }

    private static Response refusal(PathSyntax.Problem problem) {
        switch (problem) {
            case USAGE:
                return Replies.of("501", "5.5.4 Usage: MAIL FROM:<sender>");
            case NOT_BRACKETED:
                return Replies.of("501", "5.1.7 Syntax error in MAIL command");
            case PARAMETER_SYNTAX:
                return EnvelopeReplies.parameterSyntax("MAIL");
            default:
                return EnvelopeReplies.pathProblem(problem, "5.1.7", "sender");
        }
    }
}
