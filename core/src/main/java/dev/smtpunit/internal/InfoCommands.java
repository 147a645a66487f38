package dev.smtpunit.internal;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import java.util.Collection;
import java.util.Set;

/**
 * VRFY and HELP. RFC 5321 section 3.5.3 wants a server that does not verify to answer VRFY with 252
 * (James answers 502); HELP gets a 214 listing the commands.
 */
final class InfoCommands implements CommandHandler<SMTPSession> {
    private static final Set<String> COMMANDS = Set.of("VRFY", "HELP");

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        String argument = request.getArgument();
        if (request.getCommand().equals("HELP")) {
            return Replies.of(
                    "214",
                    "2.0.0 Commands: EHLO HELO MAIL RCPT DATA"
                            + (SmtpConnection.of(session).options().chunking() ? " BDAT" : "") + " RSET NOOP QUIT VRFY"
                            + (SmtpConnection.of(session).startTlsSupported() ? " STARTTLS" : "")
                            + (session.isAuthAnnounced() ? " AUTH" : ""));
        }
        if (argument == null || argument.isBlank()) {
            return Replies.of("501", "5.5.4 Syntax: VRFY <address>");
        }
        return Replies.of("252", "2.5.2 Cannot VRFY user, but will accept message and attempt delivery");
    }
}
