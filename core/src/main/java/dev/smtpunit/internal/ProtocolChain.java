package dev.smtpunit.internal;

import org.apache.james.protocols.api.handler.CommandDispatcher;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.smtp.SMTPProtocolHandlerChain;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.ExpnCmdHandler;
import org.apache.james.protocols.smtp.core.HeloCmdHandler;
import org.apache.james.protocols.smtp.core.NoopCmdHandler;
import org.apache.james.protocols.smtp.core.QuitCmdHandler;
import org.apache.james.protocols.smtp.core.RsetCmdHandler;
import org.apache.james.protocols.smtp.core.UnknownCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.StartTlsCmdHandler;

import java.util.List;

/**
 * The James command chain, wired once per JVM and shared by every server: its handlers keep no
 * state of their own and read each server's options through the session's configuration.
 * Left out on purpose: James' DATA line filters (we read content ourselves), the
 * {@code Received:} header filter, the postmaster/abuse hook, James' AUTH handler, and James' MAIL
 * and RCPT handlers with their hooks (their address type needs {@code javax.mail}).
 */
final class ProtocolChain {
    private static final class Holder {
        static final LineHandler<SMTPSession> DISPATCHER = build();
    }

    private ProtocolChain() {}

    /** {@return the shared command dispatcher} */
    static LineHandler<SMTPSession> dispatcher() {
        return Holder.DISPATCHER;
    }

    @SuppressWarnings("unchecked")
    private static LineHandler<SMTPSession> build() {
        QuietSlf4j.beforeJames();
        NoopMetricFactory metrics = NoopMetricFactory.INSTANCE;
        SMTPProtocolHandlerChain chain = new SMTPProtocolHandlerChain(metrics, false);
        List<ProtocolHandler> handlers = List.of(
                new CommandDispatcher<SMTPSession>(),
                new EhloCmdHandler(metrics),
                new HeloCmdHandler(metrics),
                new MailCommand(),
                new RcptCommand(),
                new DataCommand(),
                new RsetCmdHandler(),
                new NoopCmdHandler(),
                new QuitCmdHandler(metrics),
                new InfoCommands(),
                new ExpnCmdHandler(),
                new StartTlsCmdHandler(),
                new AuthCommand(),
                new SizeExtension(),
                new UnknownCmdHandler(metrics));
        chain.addAll(handlers);
        try {
            chain.wireExtensibleHandlers();
        } catch (WiringException e) {
            throw new IllegalStateException("cannot wire the SMTP command chain: " + e.getMessage(), e);
        }
        return chain.getFirstHandler(LineHandler.class).orElseThrow();
    }
}
