package dev.smtpunit.internal;

import org.apache.james.protocols.api.ProtocolTransport;
import org.apache.james.protocols.smtp.SMTPConfiguration;
import org.apache.james.protocols.smtp.SMTPSessionImpl;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * James' session, decoding command lines as UTF-8 (James assumes US-ASCII): {@link CommandText} has
 * already refused every line whose 8-bit octets are not allowed, so what reaches the commands is
 * either ASCII or the UTF-8 of RFC 6531. Whenever James resets its transaction state (RSET, EHLO and
 * HELO, even refused ones), our {@link Transaction} ends with it, so that the two never disagree.
 */
final class Utf8Session extends SMTPSessionImpl {
    private final Transaction transaction;

    Utf8Session(ProtocolTransport transport, SMTPConfiguration configuration, Transaction transaction) {
        super(transport, configuration);
        this.transaction = transaction;
    }

    @Override
    public void resetState() {
        super.resetState();
        if (transaction != null) { // null while the superclass constructor runs
            transaction.reset();
        }
    }

    @Override
    public Charset getCharset() {
        return StandardCharsets.UTF_8;
    }
}
