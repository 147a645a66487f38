package dev.smtpunit.benchmarks;

import com.dumbster.smtp.SimpleSmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.subethamail.wiser.Wiser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/** GreenMail, SubEthaSMTP's Wiser and Dumbster, behind the same {@link Target} interface. */
final class Peers {
    private Peers() {}

    static List<Supplier<Target>> available() {
        if (Boolean.getBoolean("bench.smtpunitOnly")) {
            return List.of();
        }
        return List.of(GreenMailTarget::new, WiserTarget::new, DumbsterTarget::new);
    }

    /** Starts a peer by name, for the cold-start JVM. */
    static Target byName(String name) {
        switch (name) {
            case "GreenMail":
                return new GreenMailTarget();
            case "Wiser":
                return new WiserTarget();
            case "Dumbster":
                return new DumbsterTarget();
            case ReferenceSink.NAME:
                return new ReferenceSink();
            default:
                return new SmtpUnitTarget();
        }
    }

    static final class GreenMailTarget implements Target {
        private GreenMail greenMail;

        @Override
        public String name() {
            return "GreenMail";
        }

        @Override
        public void start() {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
        }

        @Override
        public int port() {
            return greenMail.getSmtp().getPort();
        }

        @Override
        public int stored() {
            return greenMail.getManagers().getImapHostManager().getAllMessages().size();
        }

        @Override
        public void clear() {
            greenMail.reset();
        }

        @Override
        public void close() {
            greenMail.stop();
        }
    }

    static final class WiserTarget implements Target {
        private Wiser wiser;

        @Override
        public String name() {
            return "Wiser";
        }

        @Override
        public void start() {
            wiser = Wiser.port(0);
            wiser.start();
        }

        @Override
        public int port() {
            return wiser.getServer().getPortAllocated();
        }

        @Override
        public int stored() {
            return wiser.getMessages().size();
        }

        @Override
        public void clear() {
            wiser.getMessages().clear();
        }

        @Override
        public void close() {
            wiser.stop();
        }
    }

    static final class DumbsterTarget implements Target {
        private SimpleSmtpServer server;

        @Override
        public String name() {
            return "Dumbster";
        }

        @Override
        public void start() {
            try {
                server = SimpleSmtpServer.start(SimpleSmtpServer.AUTO_SMTP_PORT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int port() {
            return server.getPort();
        }

        @Override
        public int stored() {
            return server.getReceivedEmails().size();
        }

        @Override
        public void clear() {
            server.reset();
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
