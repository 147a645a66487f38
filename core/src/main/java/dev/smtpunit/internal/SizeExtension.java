package dev.smtpunit.internal;

import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;

import java.util.List;

/** Advertises {@code SIZE n} (RFC 1870) when the server has a limit; MAIL checks the declared size. */
final class SizeExtension implements EhloExtension, ProtocolHandler {
    @Override
    public List<String> getImplementedEsmtpFeatures(SMTPSession session) {
        long max = session.getConfiguration().getMaxMessageSize();
        return max > 0 ? List.of("SIZE " + max) : List.of();
    }
}
