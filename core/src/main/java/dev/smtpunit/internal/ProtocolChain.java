package dev.smtpunit.internal;

import org.apache.james.protocols.api.BaseRequest;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.UnknownCommandHandler;
import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.smtp.SMTPProtocolHandlerChain;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.ExpnCmdHandler;
import org.apache.james.protocols.smtp.core.NoopCmdHandler;
import org.apache.james.protocols.smtp.core.RsetCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.StartTlsCmdHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The James command chain, wired once per JVM and shared by every server: its handlers keep no
 * state of their own and read each server's options through the session's configuration.
 * Commands are dispatched through a table built once from the wired chain (verb to handlers), in
 * place of James' {@code CommandDispatcher}, which decodes, trims, splits and upper-cases every line
 * again and builds a request, an iterator and two clock readings per command; the hookable James
 * handlers run without their per-command logging context and timer ({@link JamesCommands}).
 * BDAT is answered before the chain, by {@link ChunkTransfer}, when CHUNKING is on; the package's
 * {@code package-info} lists who answers each command. Left out on purpose: James' DATA line filters (we read content ourselves), the
 * {@code Received:} header filter, the postmaster/abuse hook, James' AUTH handler, and James' MAIL
 * and RCPT handlers with their hooks (their address type needs {@code javax.mail}).
 */
final class ProtocolChain {
    private static final class Holder {
        static final ProtocolChain CHAIN = build();
    }

    private final Map<String, CommandHandler<SMTPSession>[]> table;
    private final CommandHandler<SMTPSession>[] unknown;

    private ProtocolChain(Map<String, CommandHandler<SMTPSession>[]> table) {
        this.table = table;
        this.unknown = table.get(UnknownCommandHandler.COMMAND_IDENTIFIER);
    }

    /** {@return the shared chain} */
    static ProtocolChain shared() {
        return Holder.CHAIN;
    }

    /**
     * Runs a command line through the handlers of its verb, as James' dispatcher would: the line is
     * trimmed, split at its first space, the verb upper-cased; the first handler that answers wins.
     *
     * @param session the session
     * @param line the command line without CRLF
     * @return the response, or null when none is to be written
     */
    Response dispatch(SMTPSession session, String line) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        String command = (space > 0 ? trimmed.substring(0, space) : trimmed).toUpperCase(Locale.US);
        BaseRequest request = new BaseRequest(command, space > 0 ? trimmed.substring(space + 1) : null);
        CommandHandler<SMTPSession>[] handlers = table.get(command);
        if (handlers == null) {
            handlers = unknown;
        }
        if (handlers == null) {
            return session.newCommandNotFoundErrorResponse();
        }
        try {
            for (CommandHandler<SMTPSession> h : handlers) {
                Response response = h.onCommand(session, request);
                if (response != null) {
                    return response;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return session.newFatalErrorResponse();
        }
    }

    @SuppressWarnings("unchecked")
    private static ProtocolChain build() {
        QuietSlf4j.beforeJames();
        NoopMetricFactory metrics = NoopMetricFactory.INSTANCE;
        SMTPProtocolHandlerChain chain = new SMTPProtocolHandlerChain(metrics, false);
        List<ProtocolHandler> handlers = List.of(
                new JamesCommands.Ehlo(metrics),
                new JamesCommands.Helo(metrics),
                new MailCommand(),
                new RcptCommand(),
                new DataCommand(),
                new RsetCmdHandler(),
                new NoopCmdHandler(),
                new JamesCommands.Quit(metrics),
                new InfoCommands(),
                new ExpnCmdHandler(),
                new StartTlsCmdHandler(),
                new AuthCommand(),
                new SizeExtension(),
                new JamesCommands.Unknown(metrics));
        chain.addAll(handlers);
        try {
            chain.wireExtensibleHandlers();
        } catch (WiringException e) {
            throw new IllegalStateException("cannot wire the SMTP command chain: " + e.getMessage(), e);
        }
        Map<String, List<CommandHandler<SMTPSession>>> byVerb = new HashMap<>();
        for (CommandHandler<SMTPSession> h : chain.getHandlers(CommandHandler.class)) {
            for (String verb : h.getImplCommands()) {
                byVerb.computeIfAbsent(verb.trim().toUpperCase(Locale.US), v -> new ArrayList<>())
                        .add(h);
            }
        }
        Map<String, CommandHandler<SMTPSession>[]> table = new HashMap<>();
        byVerb.forEach((verb, list) -> table.put(verb, handlers(list)));
        return new ProtocolChain(Map.copyOf(table));
    }

    /** An array of the handlers (Java cannot create an array of a generic type without a raw one). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static CommandHandler<SMTPSession>[] handlers(List<CommandHandler<SMTPSession>> list) {
        return list.toArray(new CommandHandler[0]);
    }
}
