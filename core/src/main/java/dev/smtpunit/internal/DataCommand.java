package dev.smtpunit.internal;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * DATA: checks the sequence, then hands the connection to our own content reader instead of James'
 * line-by-line filter chain (which copies every line twice and buffers 100 KB per message).
 */
final class DataCommand implements CommandHandler<SMTPSession> {
    private static final Set<String> COMMANDS = Set.of("DATA");

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (request.getArgument() != null && !request.getArgument().isBlank()) {
            return Replies.of("501", "5.5.4 Syntax: DATA takes no parameters");
        }
        Optional<MailTransaction> transaction = MailTransaction.current(session);
        if (transaction.isEmpty()) {
            return Replies.of("503", "5.5.1 Error: need MAIL command");
        }
        if (transaction.get().recipients() == 0) {
            return Replies.of("503", "5.5.1 Error: need RCPT command (no valid recipients)");
        }
        SmtpConnection.of(session).beginData();
        return Replies.of("354", "End data with <CR><LF>.<CR><LF>");
    }
}
