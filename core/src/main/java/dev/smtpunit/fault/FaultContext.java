package dev.smtpunit.fault;

import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpPhase;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link FaultMatcher} can see when a rule is tried: the command, its session and, at
 * {@link SmtpPhase#END_OF_DATA}, the message.
 *
 * @param phase the phase being handled
 * @param line the client line as received (AUTH secrets included), or empty at CONNECT and END_OF_DATA
 * @param address the path of MAIL FROM or RCPT TO without brackets, or empty for other commands
 * @param parameters the ESMTP parameters of MAIL or RCPT, names upper case
 * @param sessionId the number of the connection on its server, from 1
 * @param transactionInSession the number of the current mail transaction in this session, from 1 (0 before MAIL)
 * @param transactionOnServer the number of the current mail transaction on the server, from 1 (0 before any MAIL)
 * @param tlsActive whether the session is encrypted
 * @param authenticatedUser the AUTH user, if any
 * @param message the message, at END_OF_DATA only (and at the LAST BDAT chunk)
 * @param chunk at {@link SmtpPhase#BDAT}, the number of the chunk in its transaction from 1; otherwise 0
 */
public record FaultContext(
        SmtpPhase phase,
        String line,
        String address,
        Map<String, String> parameters,
        int sessionId,
        int transactionInSession,
        int transactionOnServer,
        boolean tlsActive,
        Optional<String> authenticatedUser,
        Optional<ReceivedMessage> message,
        int chunk) {

    /** {@return whether this is a {@code BDAT ... LAST} chunk, the one that ends the message} */
    public boolean lastChunk() {
        return phase == SmtpPhase.BDAT && line.toUpperCase(Locale.ROOT).endsWith(" LAST");
    }

    /** {@return the text after the command verb, or empty} */
    public String argument() {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }
}
