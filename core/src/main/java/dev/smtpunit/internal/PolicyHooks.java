package dev.smtpunit.internal;

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

/**
 * James' hooks for MAIL and RCPT: the session rules of {@link SessionPolicy} at MAIL (after James has
 * checked sequence and syntax), accepted recipient domains at RCPT.
 */
final class PolicyHooks implements MailHook, RcptHook {

    private static HookResult deny(String code, String text) {
        return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode(code).smtpDescription(text).build();
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        SessionPolicy.Refusal refusal = SessionPolicy.mail(SmtpConnection.of(session));
        return refusal == null ? HookResult.DECLINED : deny(Integer.toString(refusal.code()), refusal.text());
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
