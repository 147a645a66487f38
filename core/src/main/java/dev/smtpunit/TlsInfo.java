package dev.smtpunit;

import java.util.Objects;

/**
 * The TLS protection of an SMTP session.
 *
 * @param protocol the negotiated protocol, such as {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param implicit true for implicit TLS (SMTPS), false when upgraded with STARTTLS
 */
public record TlsInfo(String protocol, String cipherSuite, boolean implicit) {
    /**
     * Checks that no component is null.
     *
     * @param protocol the negotiated protocol
     * @param cipherSuite the negotiated cipher suite
     * @param implicit true for SMTPS
     */
    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
    }
}
