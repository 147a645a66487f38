package dev.smtpunit.internal;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPSession;

import java.util.Collection;
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
        SmtpConnection conn = SmtpConnection.of(session);
        if (!conn.inTransaction()) {
            return Replies.of("503", "5.5.1 Error: need MAIL command");
        }
        if (conn.recipientCount() == 0) {
            return Replies.of("503", "5.5.1 Error: need RCPT command (no valid recipients)");
        }
        if (conn.transaction().bdatChunks() > 0) {
            return Replies.of("503", "5.5.1 Error: DATA after BDAT in one transaction (RFC 3030 section 2); send RSET");
        }
        if (conn.transaction().binaryMime()) {
            return Replies.of(
                    "503", "5.5.1 Error: BODY=BINARYMIME content must be sent with BDAT (RFC 3030 section 3)");
        }
        conn.beginData();
        return Replies.of("354", "End data with <CR><LF>.<CR><LF>");
    }
}
