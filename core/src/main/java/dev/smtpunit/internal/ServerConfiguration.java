package dev.smtpunit.internal;

import dev.smtpunit.SmtpServerOptions;
import org.apache.james.protocols.smtp.SMTPConfigurationImpl;

/**
 * James' view of our options. Overrides the defaults that would call
 * {@code InetAddress.getLocalHost()} or advertise what we do not want.
 */
final class ServerConfiguration extends SMTPConfigurationImpl {
    private final SmtpServerOptions options;

    ServerConfiguration(SmtpServerOptions options) {
        this.options = options;
    }

    SmtpServerOptions options() {
        return options;
    }

    @Override
    public String getHelloName() {
        return options.hostname();
    }

    @Override
    public String getGreeting() {
        return options.greeting();
    }

    @Override
    public String getSoftwareName() {
        return "SmtpUnit";
    }

    @Override
    public long getMaxMessageSize() {
        return options.maxMessageSize();
    }

    @Override
    public boolean isRelayingAllowed(String remoteIP) {
        return true;
    }

    @Override
    public boolean isAuthAnnounced(String remoteIP, boolean tlsStarted) {
        return SessionPolicy.authOffered(options, tlsStarted);
    }
}
