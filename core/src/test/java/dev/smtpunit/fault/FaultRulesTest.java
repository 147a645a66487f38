package dev.smtpunit.fault;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.SmtpPhase;
import dev.smtpunit.SmtpServerOptions;
import dev.smtpunit.testsupport.RawClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.smtpunit.SmtpPhase.CONNECT;
import static dev.smtpunit.SmtpPhase.DATA;
import static dev.smtpunit.SmtpPhase.END_OF_DATA;
import static dev.smtpunit.SmtpPhase.MAIL;
import static dev.smtpunit.SmtpPhase.RCPT;
import static dev.smtpunit.fault.FaultMatcher.afterTls;
import static dev.smtpunit.fault.FaultMatcher.authMechanism;
import static dev.smtpunit.fault.FaultMatcher.authenticatedAs;
import static dev.smtpunit.fault.FaultMatcher.hasParameter;
import static dev.smtpunit.fault.FaultMatcher.header;
import static dev.smtpunit.fault.FaultMatcher.nthConnection;
import static dev.smtpunit.fault.FaultMatcher.nthTransaction;
import static dev.smtpunit.fault.FaultMatcher.recipient;
import static dev.smtpunit.fault.FaultMatcher.sender;
import static dev.smtpunit.fault.FaultMatcher.sizeAtLeast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Matchers, counts and ordering of rules, with Jakarta Mail and raw sockets. */
class FaultRulesTest {

    private static Properties props(MockSmtpServer smtp) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "5000");
        return p;
    }

    private static MimeMessage message(Session s, String to, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress("app@example.com"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText("body");
        return m;
    }

    private static void send(MockSmtpServer smtp, String to, String subject) throws MessagingException {
        Session s = Session.getInstance(smtp.properties());
        Transport.send(message(s, to, subject));
    }

    @Test
    void jakartaMailDeliversPartiallyWhenOneOfTwoRecipientsGets452() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            smtp.faults().on(RCPT).matching(recipient("full@example.com")).reply(452, "4.2.2 Mailbox full");
            Properties p = smtp.properties();
            p.setProperty("mail.smtp.sendpartial", "true");
            Session s = Session.getInstance(p);
            assertThatThrownBy(() -> Transport.send(message(s, "full@example.com, ok@example.com", "partial")))
                    .isInstanceOfSatisfying(SendFailedException.class, e -> {
                        assertThat(e.getValidUnsentAddresses())
                                .extracting(Object::toString)
                                .containsExactly("full@example.com");
                        assertThat(e.getValidSentAddresses())
                                .extracting(Object::toString)
                                .containsExactly("ok@example.com");
                    });
            ReceivedMessage m = smtp.mailbox()
                    .awaitMessages(1, java.time.Duration.ofSeconds(5))
                    .get(0);
            assertThat(m.envelope().recipientAddresses()).containsExactly("ok@example.com");
            assertThat(m.to()).containsExactly("full@example.com", "ok@example.com");
        }
    }

    @Test
    void jakartaMailSeesA421AtConnect() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            smtp.faults().on(CONNECT).replyAndClose(421, "4.3.2 Try again later");
            assertThatThrownBy(() -> send(smtp, "a@example.com", "x"))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("421");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void jakartaMailSeesA554AtTheEndOfData() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            smtp.faults().on(END_OF_DATA).reply(554, "5.6.0 Content rejected");
            assertThatThrownBy(() -> send(smtp, "a@example.com", "x"))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("554 5.6.0 Content rejected");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void aRetryingClientStoresExactlyOneMessageAfterTwoFailures() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            FaultRule rule = smtp.faults().on(RCPT).times(2).reply(452, "4.3.1 Insufficient system storage");
            int attempts = 0;
            while (true) {
                attempts++;
                try {
                    send(smtp, "ada@example.com", "retried");
                    break;
                } catch (SendFailedException e) {
                    assertThat(attempts).as("gave up").isLessThan(5);
                }
            }
            assertThat(attempts).isEqualTo(3);
            assertThat(rule.timesFired()).isEqualTo(2);
            assertThat(rule.hasUsesLeft()).isFalse();
            assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
            assertThat(smtp.transcript().exchanges(RCPT))
                    .extracting(x -> x.code())
                    .containsExactly(452, 452, 250);
        }
    }

    @Test
    void enqueueScriptsTheNextRepliesOfAPhaseInOrder() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            smtp.faults()
                    .enqueue(
                            RCPT,
                            FaultEffect.reply(452, "4.5.3 Too many recipients"),
                            FaultEffect.proceed(),
                            FaultEffect.reply(550, "5.1.1 No such user"));
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.com>");
            assertThat(c.command("RCPT TO:<1@example.com>")).isEqualTo("452 4.5.3 Too many recipients");
            assertThat(c.command("RCPT TO:<2@example.com>")).startsWith("250 2.1.5");
            assertThat(c.command("RCPT TO:<3@example.com>")).isEqualTo("550 5.1.1 No such user");
            assertThat(c.command("RCPT TO:<4@example.com>")).startsWith("250 2.1.5");
            assertThat(smtp.faults().unused()).isEmpty();
        }
    }

    @Test
    void triesRulesInOrderAndFallsThroughSpentOnes() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            smtp.faults().on(MAIL).matching(sender("vip@example.com")).once().reply(451, "4.0.0 first");
            smtp.faults().on(MAIL).times(2).reply(452, "4.0.0 second");
            FaultRule never = smtp.faults()
                    .on(RCPT)
                    .matching(recipient("nobody@example.com"))
                    .reply(550, "5.0.0 never");
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("MAIL FROM:<vip@example.com>")).isEqualTo("451 4.0.0 first");
            assertThat(c.command("MAIL FROM:<vip@example.com>")).isEqualTo("452 4.0.0 second");
            assertThat(c.command("MAIL FROM:<other@example.com>")).isEqualTo("452 4.0.0 second");
            assertThat(c.command("MAIL FROM:<vip@example.com>")).startsWith("250");
            assertThat(smtp.faults().unused()).containsExactly(never);
            assertThat(never)
                    .hasToString(
                            "on(RCPT).matching(recipient(\"nobody@example.com\")).reply(550, \"5.0.0 never\"), fired 0 times, 1 left");
            assertThat(smtp.faults().rules().get(1))
                    .hasToString("on(MAIL).times(2).reply(452, \"4.0.0 second\"), fired 2 times, 0 left");
        }
    }

    @Test
    void alwaysFiresEveryTime() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            smtp.faults().on(CONNECT).always().replyAndClose(421, "4.3.2 down");
            for (int i = 0; i < 3; i++) {
                try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                    assertThat(c.reply()).isEqualTo("421 4.3.2 down");
                }
            }
            smtp.faults().clear();
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(c.reply()).startsWith("220 ");
            }
        }
    }

    @Test
    void matchesOnConnectionTransactionParameterAndMessage() throws Exception {
        SmtpServerOptions options =
                SmtpServerOptions.builder().maxMessageSize(100_000).build();
        try (MockSmtpServer smtp = MockSmtpServer.started(options)) {
            smtp.faults().on(MAIL).matching(nthConnection(2)).reply(421, "4.0.0 second connection");
            smtp.faults().on(MAIL).matching(hasParameter("size")).reply(452, "4.3.1 size given");
            smtp.faults().on(END_OF_DATA).matching(header("X-Reject", "yes")).reply(550, "5.7.0 header");
            smtp.faults().on(END_OF_DATA).matching(sizeAtLeast(5000)).reply(552, "5.3.4 big");
            smtp.faults().on(RCPT).matching(nthTransaction(4)).reply(450, "4.0.0 fourth transaction");
            try (RawClient first = RawClient.connect(smtp.host(), smtp.port());
                    RawClient second = RawClient.connect(smtp.host(), smtp.port())) {
                first.reply();
                second.reply();
                first.command("EHLO a");
                second.command("EHLO b");
                assertThat(second.command("MAIL FROM:<a@example.com>")).isEqualTo("421 4.0.0 second connection");
                assertThat(first.command("MAIL FROM:<a@example.com> SIZE=10")).isEqualTo("452 4.3.1 size given");
                assertThat(first.command("MAIL FROM:<a@example.com>")).startsWith("250");
                first.command("RCPT TO:<b@example.com>");
                first.command("DATA");
                assertThat(first.command("X-Reject: yes\r\n\r\n.")).isEqualTo("550 5.7.0 header");
                first.command("MAIL FROM:<a@example.com>");
                assertThat(first.command("RCPT TO:<b@example.com>")).isEqualTo("450 4.0.0 fourth transaction");
                first.command("RSET");
                first.command("MAIL FROM:<a@example.com>");
                first.command("RCPT TO:<b@example.com>");
                first.command("DATA");
                assertThat(first.command("Subject: big\r\n\r\n" + "x".repeat(6000) + "\r\n."))
                        .isEqualTo("552 5.3.4 big");
            }
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void matchesTheNthTransactionOfAConnection() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            smtp.faults()
                    .on(END_OF_DATA)
                    .matching(FaultMatcher.nthTransactionInSession(2))
                    .reply(451, "4.3.0 second one fails");
            c.reply();
            c.command("EHLO x");
            for (int i = 1; i <= 3; i++) {
                c.command("MAIL FROM:<a@example.com>");
                c.command("RCPT TO:<b@example.com>");
                c.command("DATA");
                String reply = c.command("Subject: " + i + "\r\n\r\n.");
                assertThat(reply).startsWith(i == 2 ? "451 4.3.0 second one fails" : "250");
            }
            assertThat(smtp.mailbox().messages())
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("1", "3");
        }
    }

    @Test
    void matchesOnTlsAndAuthenticatedUser() throws Exception {
        SmtpServerOptions options = SmtpServerOptions.builder()
                .startTls(SmtpServerOptions.StartTlsMode.OFFERED)
                .user("app", "pw")
                .user("batch", "pw")
                .build();
        try (MockSmtpServer smtp = MockSmtpServer.started(options)) {
            smtp.faults()
                    .on(MAIL)
                    .matching(afterTls().and(authenticatedAs("batch")))
                    .always()
                    .reply(451, "4.7.0 batch throttled");
            Properties p = smtp.clientTrust().startTlsProperties(smtp);
            p.setProperty("mail.smtp.auth", "true");
            Session s = Session.getInstance(p);
            Transport.send(message(s, "a@example.com", "app mail"), "app", "pw");
            assertThatThrownBy(() -> Transport.send(message(s, "a@example.com", "batch mail"), "batch", "pw"))
                    .hasMessageContaining("451 4.7.0 batch throttled");
            assertThat(smtp.mailbox().messages())
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("app mail");
        }
    }

    @Test
    void acceptsRuleChangesWhileClientsAreSending() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(5);
            List<Future<Integer>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                senders.add(pool.submit(() -> {
                    int refused = 0;
                    try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                        c.reply();
                        c.command("EHLO x");
                        for (int i = 0; i < 100; i++) {
                            String r = c.command("MAIL FROM:<a@example.com>");
                            if (r.startsWith("250")) {
                                c.command("RSET");
                            } else {
                                refused++;
                            }
                        }
                    }
                    return refused;
                }));
            }
            Future<?> changer = pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    smtp.faults().on(MAIL).reply(451, "4.0.0 changing");
                    if (i % 10 == 9) {
                        smtp.faults().clear();
                    }
                }
                return null;
            });
            changer.get(30, TimeUnit.SECONDS);
            int refused = 0;
            for (Future<Integer> f : senders) {
                refused += f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            int fired = smtp.faults().rules().stream()
                    .mapToInt(FaultRule::timesFired)
                    .sum();
            assertThat(refused)
                    .as("each refusal came from exactly one rule use")
                    .isGreaterThanOrEqualTo(fired);
            assertThat(smtp.transcript().exchanges(SmtpPhase.MAIL)).hasSize(400);
            assertThat(smtp.transcript().exchanges(SmtpPhase.MAIL).stream()
                            .filter(x -> x.injected())
                            .count())
                    .isEqualTo(refused);
        }
    }

    @Test
    void recipientMatchesTheRcptToOnlyAndSenderTheMailFromOnly() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            smtp.faults()
                    .on(SmtpPhase.ANY)
                    .matching(recipient("ada@example.com"))
                    .always()
                    .reply(550, "5.1.1 No ada");
            smtp.faults()
                    .on(SmtpPhase.ANY)
                    .matching(sender("bob@example.com"))
                    .always()
                    .reply(550, "5.7.1 No bob");
            c.reply();
            c.command("EHLO x");
            assertThat(c.command("MAIL FROM:<ada@example.com>"))
                    .as("recipient(ada) must not answer MAIL FROM:<ada>")
                    .isEqualTo("250 2.1.0 Sender <ada@example.com> OK");
            assertThat(c.command("RCPT TO:<bob@example.com>"))
                    .as("sender(bob) must not answer RCPT TO:<bob>")
                    .isEqualTo("250 2.1.5 Recipient <bob@example.com> OK");
            assertThat(c.command("RCPT TO:<ada@example.com>")).isEqualTo("550 5.1.1 No ada");
            c.command("RSET");
            assertThat(c.command("MAIL FROM:<bob@example.com>")).isEqualTo("550 5.7.1 No bob");
        }
    }

    @Test
    void recipientAndSenderMatchTheEnvelopeAtEndOfData() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            smtp.faults()
                    .on(END_OF_DATA)
                    .matching(recipient("ada@example.com"))
                    .always()
                    .reply(554, "5.7.1 Not for ada");
            smtp.faults()
                    .on(END_OF_DATA)
                    .matching(sender("spam@example.com"))
                    .always()
                    .reply(554, "5.7.1 Not from spam");
            assertThatThrownBy(() -> send(smtp, "bob@example.com, ADA@example.com", "x"))
                    .hasMessageContaining("Not for ada");
            send(smtp, "bob@example.com", "for bob");
            assertThat(smtp.mailbox().messages())
                    .extracting(ReceivedMessage::subject)
                    .containsExactly("for bob");
            assertThat(smtp.faults().rules().get(1).timesFired()).isZero();
        }
    }

    @Test
    void aRuleIsRegisteredWithItsCount() {
        Faults faults = new Faults();
        FaultRule twice = faults.on(RCPT).times(2).reply(452, "4.2.2 Mailbox full");
        FaultRule always = faults.on(MAIL).always().reply(451, "4.7.0 Throttled");
        FaultRule once = faults.on(DATA).close();
        assertThat(faults.rules()).containsExactly(twice, always, once);
        assertThat(twice).hasToString("on(RCPT).times(2).reply(452, \"4.2.2 Mailbox full\"), fired 0 times, 2 left");
        assertThat(always).hasToString("on(MAIL).always().reply(451, \"4.7.0 Throttled\"), fired 0 times, no limit");
        assertThat(once).hasToString("on(DATA).close(), fired 0 times, 1 left");
    }

    @Test
    void aListingReadsAsTheCallsThatMadeEachRule() {
        Faults faults = new Faults();
        faults.on(RCPT)
                .matching(recipient("ada@example.com").and(nthConnection(1)))
                .times(2)
                .reply(452, "4.2.2 \"Full\"");
        faults.on(MAIL)
                .matching(sender("batch@example.com").or(afterTls().negate()))
                .matching(hasParameter("SIZE"))
                .always()
                .replyAndClose(421, "4.7.0 Throttled");
        faults.on(END_OF_DATA).matching(header("X-Spam", "yes")).closeDiscardingMessage();
        faults.on(END_OF_DATA).matching(sizeAtLeast(1000)).closeAfterStoring();
        faults.on(END_OF_DATA).matching(FaultMatcher.message(m -> m.size() > 1)).reply(554, "5.7.1 Spam");
        faults.on(RCPT).matching(c -> true).delay(Duration.ofSeconds(2));
        faults.on(MAIL).delayThenReply(Duration.ofMillis(500), 421, "4.4.5 Busy");
        faults.on(SmtpPhase.ANY).matching(nthTransaction(2)).stall();
        faults.on(SmtpPhase.NOOP).trickle(Duration.ofMillis(50));
        faults.on(SmtpPhase.EHLO).reply(250, "mx.test Hello", "SIZE 1000");
        faults.enqueue(RCPT, FaultEffect.proceed());
        faults.on(SmtpPhase.AUTH)
                .matching(authMechanism(dev.smtpunit.AuthMechanism.XOAUTH2))
                .stall();
        assertThat(faults)
                .hasToString(String.join(
                        "\n",
                        "on(RCPT).matching(recipient(\"ada@example.com\").and(nthConnection(1))).times(2).reply(452, \"4.2.2 \\\"Full\\\"\"),"
                                + " fired 0 times, 2 left",
                        "on(MAIL).matching(sender(\"batch@example.com\").or(afterTls().negate()).and(hasParameter(\"SIZE\"))).always()"
                                + ".replyAndClose(421, \"4.7.0 Throttled\"), fired 0 times, no limit",
                        "on(END_OF_DATA).matching(header(\"X-Spam\", \"yes\")).closeDiscardingMessage(), fired 0 times, 1 left",
                        "on(END_OF_DATA).matching(sizeAtLeast(1000)).closeAfterStoring(), fired 0 times, 1 left",
                        "on(END_OF_DATA).matching(message(a predicate of your own)).reply(554, \"5.7.1 Spam\"), fired 0 times, 1 left",
                        "on(RCPT).matching(a FaultMatcher of your own).delay(Duration.ofSeconds(2)), fired 0 times, 1 left",
                        "on(MAIL).delayThenReply(Duration.ofMillis(500), 421, \"4.4.5 Busy\"), fired 0 times, 1 left",
                        "on(ANY).matching(nthTransaction(2)).stall(), fired 0 times, 1 left",
                        "on(NOOP).trickle(Duration.ofMillis(50)), fired 0 times, 1 left",
                        "on(EHLO).reply(250, \"mx.test Hello\", \"SIZE 1000\"), fired 0 times, 1 left",
                        "on(RCPT).then(FaultEffect.proceed()), fired 0 times, 1 left",
                        "on(AUTH).matching(authMechanism(AuthMechanism.XOAUTH2)).stall(), fired 0 times, 1 left"));
    }

    @Test
    void aRuleAddedWhileAClientIsConnectedFiresExactlyItsCount() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.com>");
            smtp.faults().on(RCPT).times(2).reply(452, "4.2.2 Mailbox full");
            assertThat(c.command("RCPT TO:<b@example.com>")).isEqualTo("452 4.2.2 Mailbox full");
            assertThat(c.command("RCPT TO:<b@example.com>")).isEqualTo("452 4.2.2 Mailbox full");
            assertThat(c.command("RCPT TO:<b@example.com>")).isEqualTo("250 2.1.5 Recipient <b@example.com> OK");
        }
    }

    @Test
    void closeDiscardingMessageStoresNothing() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            smtp.faults().on(END_OF_DATA).closeDiscardingMessage();
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@example.com>");
            c.command("RCPT TO:<b@example.com>");
            c.command("DATA");
            c.send("Subject: lost\r\n\r\n.");
            assertThat(c.isClosedByServer()).isTrue();
            smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(50));
        }
    }

    @Test
    void explainsMisuse() {
        Faults faults = new Faults();
        assertThatThrownBy(() -> faults.on(MAIL).closeAfterStoring())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("closeAfterStoring() only applies to END_OF_DATA, not MAIL");
        assertThatThrownBy(() -> faults.on(MAIL).closeDiscardingMessage())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("closeDiscardingMessage() only applies to END_OF_DATA, not MAIL; use close()");
        assertThatThrownBy(() -> faults.on(END_OF_DATA).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at END_OF_DATA say what becomes of the message: closeDiscardingMessage() (nothing stored)"
                        + " or closeAfterStoring() (stored, then the connection drops before the 250)");
        assertThatThrownBy(() -> faults.on(MAIL).reply(99, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SMTP reply code must be between 200 and 599, was 99");
        assertThatThrownBy(() -> faults.on(MAIL).times(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("times(n) needs n >= 1, was 0");
        assertThatThrownBy(() -> faults.on(MAIL).delay(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay must be positive, was PT0S");
        assertThatThrownBy(() -> faults.on(SmtpPhase.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
    }
}
