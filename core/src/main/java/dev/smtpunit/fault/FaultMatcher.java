package dev.smtpunit.fault;

import dev.smtpunit.AuthMechanism;
import dev.smtpunit.DsnNotify;
import dev.smtpunit.DsnReturn;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpPhase;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether a fault rule applies to a command. Combine with {@link #and}, {@link #or} and
 * {@link #negate}. The matchers made here read in rule listings as the calls that made them, such as
 * {@code recipient("ada@example.com").and(nthConnection(1))}; a matcher of your own reads as its
 * {@code toString()} when it has one.
 *
 * <pre>{@code
 * smtp.faults().on(RCPT).matching(recipient("ada@example.com").and(nthConnection(1))).reply(452, "4.2.2 Mailbox full");
 * }</pre>
 */
@FunctionalInterface
public interface FaultMatcher {

    /**
     * Returns true when the rule should fire.
     *
     * @param context the command being handled
     * @return true when the rule should fire
     */
    boolean matches(FaultContext context);

    /**
     * Returns a matcher that needs both.
     *
     * @param other another matcher
     * @return a matcher that needs both
     */
    default FaultMatcher and(FaultMatcher other) {
        Objects.requireNonNull(other, "other");
        FaultMatcher self = this;
        return Dsl.described(
                Dsl.text(this) + ".and(" + Dsl.text(other) + ")", c -> self.matches(c) && other.matches(c));
    }

    /**
     * Returns a matcher that needs either.
     *
     * @param other another matcher
     * @return a matcher that needs either
     */
    default FaultMatcher or(FaultMatcher other) {
        Objects.requireNonNull(other, "other");
        FaultMatcher self = this;
        return Dsl.described(Dsl.text(this) + ".or(" + Dsl.text(other) + ")", c -> self.matches(c) || other.matches(c));
    }

    /** {@return the opposite matcher} */
    default FaultMatcher negate() {
        FaultMatcher self = this;
        return Dsl.described(Dsl.text(this) + ".negate()", c -> !self.matches(c));
    }

    /** {@return a matcher for every command} */
    static FaultMatcher any() {
        return Dsl.described("any()", c -> true);
    }

    /**
     * The n-th {@code BDAT} chunk of a transaction (RFC 3030), for rules on {@link dev.smtpunit.SmtpPhase#BDAT}.
     *
     * <pre>{@code
     * smtp.faults().on(BDAT).matching(chunk(3)).reply(452, "4.3.1 Out of space for chunk 3");
     * }</pre>
     *
     * @param n the chunk's number in its transaction, from 1
     * @return the matcher
     */
    static FaultMatcher chunk(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("chunks are numbered from 1, was " + n);
        }
        return Dsl.described("chunk(" + n + ")", c -> c.chunk() == n);
    }

    /**
     * The {@code BDAT ... LAST} chunk, which ends the message (RFC 3030).
     *
     * @return the matcher
     */
    static FaultMatcher lastChunk() {
        return Dsl.described("lastChunk()", FaultContext::lastChunk);
    }

    /**
     * A recipient, compared without case: at {@code RCPT} the address of that {@code RCPT TO}; at
     * {@code END_OF_DATA} any envelope recipient of the message. Never matches other commands, so
     * {@code on(ANY).matching(recipient(x))} fires at the {@code RCPT TO:<x>} only.
     *
     * @param address the recipient
     * @return the matcher
     */
    static FaultMatcher recipient(String address) {
        Objects.requireNonNull(address, "address");
        return Dsl.described("recipient(" + Dsl.quote(address) + ")", c -> switch (c.phase()) {
            case RCPT -> c.address().equalsIgnoreCase(address);
            case END_OF_DATA ->
                c.message()
                        .map(m -> m.envelope().recipientAddresses().stream().anyMatch(address::equalsIgnoreCase))
                        .orElse(false);
            default -> false;
        });
    }

    /**
     * The sender, compared without case: at {@code MAIL} the address of that {@code MAIL FROM}; at
     * {@code END_OF_DATA} the envelope sender of the message. Never matches other commands, so
     * {@code on(ANY).matching(sender(x))} fires at the {@code MAIL FROM:<x>} only.
     *
     * @param address the sender ({@code ""} for the null sender {@code <>})
     * @return the matcher
     */
    static FaultMatcher sender(String address) {
        Objects.requireNonNull(address, "address");
        return Dsl.described("sender(" + Dsl.quote(address) + ")", c -> switch (c.phase()) {
            case MAIL -> c.address().equalsIgnoreCase(address);
            case END_OF_DATA ->
                c.message()
                        .map(m -> m.envelope().sender().equalsIgnoreCase(address))
                        .orElse(false);
            default -> false;
        });
    }

    /**
     * The MAIL FROM or RCPT TO address matches a regular expression (found anywhere, without case).
     *
     * @param regex the pattern
     * @return the matcher
     */
    static FaultMatcher addressMatching(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return Dsl.described(
                "addressMatching(" + Dsl.quote(regex) + ")",
                c -> p.matcher(c.address()).find());
    }

    /**
     * The command argument matches a regular expression (found anywhere, without case).
     *
     * @param regex the pattern
     * @return the matcher
     */
    static FaultMatcher argumentMatching(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return Dsl.described(
                "argumentMatching(" + Dsl.quote(regex) + ")",
                c -> p.matcher(c.argument()).find());
    }

    /**
     * A MAIL or RCPT parameter is present, such as {@code SIZE}.
     *
     * @param name the parameter name, any case
     * @return the matcher
     */
    static FaultMatcher hasParameter(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Dsl.described(
                "hasParameter(" + Dsl.quote(name) + ")", c -> c.parameters().containsKey(upper));
    }

    /**
     * The n-th connection to the server, from 1.
     *
     * @param n the connection number
     * @return the matcher
     */
    static FaultMatcher nthConnection(int n) {
        checkPositive(n);
        return Dsl.described("nthConnection(" + n + ")", c -> c.sessionId() == n);
    }

    /**
     * The n-th mail transaction on the server (counted by MAIL commands), from 1.
     *
     * @param n the transaction number
     * @return the matcher
     */
    static FaultMatcher nthTransaction(int n) {
        checkPositive(n);
        return Dsl.described("nthTransaction(" + n + ")", c -> c.transactionOnServer() == n);
    }

    /**
     * The n-th mail transaction of its connection (counted by MAIL), from 1: for clients that send
     * several messages over one connection.
     *
     * @param n the transaction number within the session
     * @return the matcher
     */
    static FaultMatcher nthTransactionInSession(int n) {
        checkPositive(n);
        return Dsl.described("nthTransactionInSession(" + n + ")", c -> c.transactionInSession() == n);
    }

    /** {@return a matcher for commands sent over TLS} */
    static FaultMatcher afterTls() {
        return Dsl.described("afterTls()", FaultContext::tlsActive);
    }

    /**
     * The session authenticated as this user.
     *
     * @param user the AUTH user name
     * @return the matcher
     */
    static FaultMatcher authenticatedAs(String user) {
        Objects.requireNonNull(user, "user");
        return Dsl.described(
                "authenticatedAs(" + Dsl.quote(user) + ")",
                c -> c.authenticatedUser().map(user::equals).orElse(false));
    }

    /**
     * An AUTH command naming this mechanism, for example to refuse XOAUTH2 for a while with
     * {@code 454 4.7.0} while PLAIN still works.
     *
     * <pre>{@code
     * smtp.faults().on(AUTH).matching(authMechanism(AuthMechanism.XOAUTH2)).reply(454, "4.7.0 Try again later");
     * }</pre>
     *
     * @param mechanism the SASL mechanism
     * @return the matcher
     */
    static FaultMatcher authMechanism(AuthMechanism mechanism) {
        Objects.requireNonNull(mechanism, "mechanism");
        return Dsl.described(
                "authMechanism(AuthMechanism." + mechanism.name() + ")",
                c -> c.phase() == SmtpPhase.AUTH
                        && c.argument().strip().split(" +")[0].equalsIgnoreCase(mechanism.saslName()));
    }

    /**
     * At END_OF_DATA: the message has a header with this value (decoded, compared exactly).
     *
     * @param name the header name
     * @param value the expected value
     * @return the matcher
     */
    static FaultMatcher header(String name, String value) {
        return Dsl.described(
                "header(" + Dsl.quote(name) + ", " + Dsl.quote(value) + ")",
                c -> c.message().map(m -> m.headers(name).contains(value)).orElse(false));
    }

    /**
     * At END_OF_DATA: the message content is at least this many bytes.
     *
     * @param bytes the size
     * @return the matcher
     */
    static FaultMatcher sizeAtLeast(long bytes) {
        return Dsl.described(
                "sizeAtLeast(" + bytes + ")",
                c -> c.message().map(m -> m.size() >= bytes).orElse(false));
    }

    /**
     * At END_OF_DATA: the message satisfies a predicate.
     *
     * @param predicate the test on the message
     * @return the matcher
     */
    static FaultMatcher message(Predicate<ReceivedMessage> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return Dsl.described(
                "message(" + Dsl.own(predicate, "a predicate of your own") + ")",
                c -> c.message().map(predicate::test).orElse(false));
    }

    /**
     * At RCPT: the DSN {@code NOTIFY} parameter (RFC 3461) asks for this notification, for example
     * {@code dsnNotify(DsnNotify.SUCCESS)} for a client that wants delivery receipts.
     *
     * @param type the notification asked for
     * @return the matcher
     */
    static FaultMatcher dsnNotify(DsnNotify type) {
        Objects.requireNonNull(type, "type");
        return Dsl.described(
                "dsnNotify(DsnNotify." + type.name() + ")",
                c -> c.phase() == SmtpPhase.RCPT
                        && c.parameters().containsKey("NOTIFY")
                        && DsnNotify.parse(c.parameters().get("NOTIFY")).contains(type));
    }

    /**
     * At MAIL: the DSN {@code RET} parameter (RFC 3461) is this value.
     *
     * @param ret FULL or HDRS
     * @return the matcher
     */
    static FaultMatcher dsnReturn(DsnReturn ret) {
        Objects.requireNonNull(ret, "ret");
        return Dsl.described(
                "dsnReturn(DsnReturn." + ret.name() + ")",
                c -> c.phase() == SmtpPhase.MAIL
                        && c.parameters().containsKey("RET")
                        && DsnReturn.parse(c.parameters().get("RET")) == ret);
    }

    /** {@return a matcher for a MAIL that declares {@code SMTPUTF8} (RFC 6531)} */
    static FaultMatcher smtpUtf8() {
        return Dsl.described(
                "smtpUtf8()", c -> c.phase() == SmtpPhase.MAIL && c.parameters().containsKey("SMTPUTF8"));
    }

    private static void checkPositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("numbers count from 1, was " + n);
        }
    }
}
