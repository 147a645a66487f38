package dev.smtpunit.internal;

import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.TlsInfo;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;

/**
 * Layers TLS over a connection, from its first byte (SMTPS) or after {@code 220} to STARTTLS. The
 * handshake runs on the connection's own thread, bounded in all by the handshake timeout.
 */
final class TlsUpgrade {
    private TlsUpgrade() {}

    /**
     * Discards what the client sent after STARTTLS and before the handshake: RFC 3207 section 4.2
     * says such plaintext must not be acted on (command injection, CVE-2011-0411). Called before the
     * 220 leaves, so everything already received is plaintext.
     *
     * @param wire the connection
     * @return the number of bytes discarded
     * @throws IOException on a read error
     */
    static int discardPlaintext(Wire wire) throws IOException {
        return wire.discardBuffered();
    }

    /**
     * Performs the server side of the TLS handshake; the wire continues on the TLS socket.
     *
     * @param wire the connection, with nothing unread in its buffer
     * @param material the server's key and certificate
     * @param implicit whether this is SMTPS
     * @param options the idle timeout and the handshake timeout: the handshake must end within the
     *     latter in all (a read timeout alone would let a client trickle its records forever)
     * @return what was negotiated
     * @throws IOException when the handshake fails, or the watchdog closed it at its deadline
     */
    static TlsInfo handshake(Wire wire, TlsMaterial material, boolean implicit, SmtpServerOptions options)
            throws IOException {
        wire.flush();
        SSLSocket ssl = material.layer(wire.socket());
        wire.use(ssl);
        long limit = options.tlsHandshakeTimeout().toMillis();
        long idle = options.idleTimeout().toMillis();
        wire.readTimeout((int) Math.min(Integer.MAX_VALUE, Math.min(limit, idle)));
        wire.guard(Wire.Guard.HANDSHAKE, options.tlsHandshakeTimeout().toNanos());
        try {
            ssl.startHandshake();
        } finally {
            wire.unguard();
        }
        wire.readTimeout((int) Math.min(Integer.MAX_VALUE, idle));
        SSLSession s = ssl.getSession();
        return new TlsInfo(s.getProtocol(), s.getCipherSuite(), implicit);
    }

    /**
     * @param failure why the handshake failed
     * @return the transcript's description
     */
    static String describe(IOException failure) {
        return "TLS handshake failed: "
                + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }
}
