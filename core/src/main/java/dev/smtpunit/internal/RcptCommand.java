package dev.smtpunit.internal;

import dev.smtpunit.Recipient;
import dev.smtpunit.SmtpServerOptions;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * RCPT (RFC 5321 section 4.1.1.3), in place of James' handler: the forward path is parsed strictly
 * by {@link PathSyntax}, the recipient limit answers {@code 452 4.5.3} (section 4.5.3.1.10), and the
 * accepted domains answer {@code 550 5.7.1} for others.
 */
final class RcptCommand implements CommandHandler<SMTPSession> {
    private static final Set<String> COMMANDS = Set.of("RCPT");

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SmtpConnection conn = SmtpConnection.of(session);
        Transaction transaction = conn.transaction();
        if (!transaction.active()) {
            return Replies.of("503", "5.5.0 Need MAIL before RCPT");
        }
        PathSyntax.Result parsed = conn.parsedPath();
        if (parsed == null) {
            parsed = PathSyntax.parseCommand(request.getCommand() + " " + request.getArgument(), false);
        }
        if (!parsed.ok()) {
            return EnvelopeReplies.refusal(parsed.problem(), false);
        }
        CommandArgs args = parsed.args();
        if (parsed.nonAscii() && !transaction.smtpUtf8()) {
            return EnvelopeReplies.nonAscii(false, conn.options().smtpUtf8());
        }
        Response badValue = ParameterValues.rcpt(args.parameters(), transaction.smtpUtf8());
        if (badValue != null) {
            return badValue;
        }
        SmtpServerOptions options = conn.options();
        if (options.maxRecipients() > 0 && transaction.recipientCount() >= options.maxRecipients()) {
            return Replies.of("452", "4.5.3 Too many recipients (at most " + options.maxRecipients() + " per message)");
        }
        String address = args.path();
        Set<String> domains = options.acceptedDomains();
        // <Postmaster> must always be accepted (RFC 5321 section 4.1.1.3)
        if (!domains.isEmpty() && !address.equalsIgnoreCase("Postmaster") && !domains.contains(domain(address))) {
            return Replies.of("550", "5.7.1 <" + address + ">: Relay access denied");
        }
        transaction.rcptAccepted(new Recipient(conn.interner().string(address), args.parameters()));
        return Replies.of("250", "2.1.5 Recipient <" + address + "> OK");
    }

    private static String domain(String mailbox) {
        int at = mailbox.lastIndexOf('@');
        return at < 0 ? "" : mailbox.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
