package dev.smtpunit.internal;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.HeloCmdHandler;
import org.apache.james.protocols.smtp.core.QuitCmdHandler;
import org.apache.james.protocols.smtp.core.UnknownCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;

import java.util.List;

/**
 * James' hookable command handlers (EHLO, HELO, QUIT and the unknown-command handler), doing what
 * James' own {@code onCommand} does (its filter checks, then its hooks, then the command) minus
 * the per-command logging context (an MDC map built and torn down on every line) and the timer,
 * which a test server never reads. With no hook wired, as in SmtpUnit's chain, the hooks are
 * skipped; with one, James' own {@code onCommand} runs unchanged.
 */
final class JamesCommands {
    private JamesCommands() {}

    private static boolean hooked(List<?> hooks) {
        return hooks != null && !hooks.isEmpty();
    }

    /** EHLO (RFC 5321 section 4.1.1.1) as James implements it, its extensions included. */
    static final class Ehlo extends EhloCmdHandler {
        Ehlo(MetricFactory metrics) {
            super(metrics);
        }

        @Override
        public Response onCommand(SMTPSession session, Request request) {
            if (hooked(getHooks())) {
                return super.onCommand(session, request);
            }
            Response refused = doFilterChecks(session, request.getCommand(), request.getArgument());
            return refused != null ? refused : doCoreCmd(session, request.getCommand(), request.getArgument());
        }
    }

    /** HELO as James implements it. */
    static final class Helo extends HeloCmdHandler {
        Helo(MetricFactory metrics) {
            super(metrics);
        }

        @Override
        public Response onCommand(SMTPSession session, Request request) {
            if (hooked(getHooks())) {
                return super.onCommand(session, request);
            }
            Response refused = doFilterChecks(session, request.getCommand(), request.getArgument());
            return refused != null ? refused : doCoreCmd(session, request.getCommand(), request.getArgument());
        }
    }

    /** QUIT as James implements it. */
    static final class Quit extends QuitCmdHandler {
        Quit(MetricFactory metrics) {
            super(metrics);
        }

        @Override
        public Response onCommand(SMTPSession session, Request request) {
            if (hooked(getHooks())) {
                return super.onCommand(session, request);
            }
            Response refused = doFilterChecks(session, request.getCommand(), request.getArgument());
            return refused != null ? refused : doCoreCmd(session, request.getCommand(), request.getArgument());
        }
    }

    /** Any other verb, answered as James answers it. */
    static final class Unknown extends UnknownCmdHandler {
        Unknown(MetricFactory metrics) {
            super(metrics);
        }

        @Override
        public Response onCommand(SMTPSession session, Request request) {
            if (hooked(getHooks())) {
                return super.onCommand(session, request);
            }
            Response refused = doFilterChecks(session, request.getCommand(), request.getArgument());
            return refused != null ? refused : doCoreCmd(session, request.getCommand(), request.getArgument());
        }
    }
}
