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
        if (session.getAttachment(SMTPSession.CURRENT_HELO_MODE, ProtocolSession.State.Connection)
                .isEmpty()) {
            return Replies.of("503", "5.5.0 Need HELO or EHLO before MAIL");
        }
        PathSyntax.Result parsed = SmtpConnection.of(session).parsedPath();
        if (parsed == null) {
            parsed = PathSyntax.parseCommand(request.getCommand() + " " + request.getArgument(), true);
        }
        if (!parsed.ok()) {
            return EnvelopeReplies.refusal(parsed.problem(), true);
        }
        CommandArgs args = parsed.args();
        boolean smtpUtf8 = args.parameters().containsKey("SMTPUTF8");
        if (parsed.nonAscii() && !smtpUtf8) {
            return EnvelopeReplies.nonAscii(
                    true, SmtpConnection.of(session).options().smtpUtf8());
        }
        SmtpConnection conn = SmtpConnection.of(session);
        SmtpServerOptions options = conn.options();
        Response badValue = ParameterValues.mail(args.parameters(), options.maxMessageSize());
        if (badValue != null) {
            return badValue;
        }
        SessionPolicy.Refusal refusal = SessionPolicy.mail(conn.state());
        if (refusal != null) {
            return Replies.of(Integer.toString(refusal.code()), refusal.text());
        }
        conn.transaction().mailAccepted(conn.interner().string(args.path()), args.parameters());
        return Replies.of("250", "2.1.0 Sender <" + args.path() + "> OK");
    }
}
