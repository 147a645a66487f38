package dev.smtpunit.internal;

import dev.smtpunit.SmtpServerOptions;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.protocols.smtp.hook.RcptHook;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The server's rules for MAIL and RCPT: TLS and AUTH requirements, accepted recipient domains. */
final class PolicyHooks implements MailHook, RcptHook {

    private static HookResult deny(String code, String text) {
        return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode(code).smtpDescription(text).build();
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        SmtpConnection conn = SmtpConnection.of(session);
        SmtpServerOptions options = conn.options();
        if (options.startTls() == SmtpServerOptions.StartTlsMode.REQUIRED && !session.isTLSStarted()) {
            return deny("530", "5.7.0 Must issue a STARTTLS command first");
        }
        if (options.authRequired() && conn.authenticatedUser() == null) {
            return deny("530", "5.7.0 Authentication required");
        }
        return HookResult.DECLINED;
    }

    @Override
    public Set<String> supportedParameters() {
        // parameters are checked against the advertised extensions before James sees the command
        return Set.of("NOTIFY", "ORCPT");
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt, Map<String, String> parameters) {
        Set<String> domains = SmtpConnection.of(session).options().acceptedDomains();
        if (!domains.isEmpty() && !domains.contains(rcpt.getDomain().asString().toLowerCase(Locale.ROOT))) {
            return deny("550", "5.7.1 <" + rcpt.asString() + ">: Relay access denied");
        }
        return HookResult.DECLINED;
    }
}
