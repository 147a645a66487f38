package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.fault.FaultEffect;
import dev.smtpunit.fault.FaultMatcher;
import dev.smtpunit.fault.RuleBuilder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;

/** Turns {@link SmtpFault} annotations into fault rules. */
final class FaultScripts {
    private FaultScripts() {}

    static void apply(SmtpFault f, MockSmtpServer server, String where) {
        FaultEffect effect = effect(f, where);
        RuleBuilder rule = server.faults().on(f.on());
        if (!f.recipient().isEmpty()) {
            rule.matching(FaultMatcher.recipient(f.recipient()));
        }
        if (!f.sender().isEmpty()) {
            rule.matching(FaultMatcher.sender(f.sender()));
        }
        if (f.connection() < 0) {
            throw new ExtensionConfigurationException(
                    describe(f) + " on " + where + ": connection counts from 1 (0 = every connection)");
        }
        if (f.connection() > 0) {
            rule.matching(FaultMatcher.nthConnection(f.connection()));
        }
        if (f.times() <= 0) {
            rule.always();
        } else {
            rule.times(f.times());
        }
        try {
            rule.then(effect);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(describe(f) + " on " + where + ": " + e.getMessage());
        }
    }

    private static FaultEffect effect(SmtpFault f, String where) {
        int effects = (f.reply() != 0 ? 1 : 0) + (f.close() ? 1 : 0) + (f.stall() ? 1 : 0);
        if (effects > 1) {
            throw new ExtensionConfigurationException(
                    describe(f) + " on " + where + ": give one effect only: reply, close or stall");
        }
        if (f.delayMillis() < 0) {
            throw new ExtensionConfigurationException(
                    describe(f) + " on " + where + ": delayMillis must not be negative");
        }
        if (f.thenClose() && f.reply() == 0) {
            throw new ExtensionConfigurationException(describe(f) + " on " + where + ": thenClose needs a reply code");
        }
        try {
            if (f.close()) {
                return FaultEffect.close();
            }
            if (f.stall()) {
                return FaultEffect.stall();
            }
            if (f.reply() != 0) {
                if (f.text().isEmpty()) {
                    throw new ExtensionConfigurationException(describe(f) + " on " + where
                            + ": reply needs a text, for example text = \"4.2.2 Mailbox full\"");
                }
                if (f.delayMillis() > 0) {
                    return FaultEffect.delayThenReply(Duration.ofMillis(f.delayMillis()), f.reply(), f.text());
                }
                return f.thenClose()
                        ? FaultEffect.replyAndClose(f.reply(), f.text())
                        : FaultEffect.reply(f.reply(), f.text());
            }
            if (f.delayMillis() > 0) {
                return FaultEffect.delay(Duration.ofMillis(f.delayMillis()));
            }
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(describe(f) + " on " + where + ": " + e.getMessage());
        }
        throw new ExtensionConfigurationException(
                describe(f) + " on " + where + " has no effect: set reply (with text), close, stall or delayMillis");
    }

    private static String describe(SmtpFault f) {
        return "@SmtpFault(on = " + f.on() + ")";
    }
}
