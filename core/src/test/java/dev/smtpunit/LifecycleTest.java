package dev.smtpunit;

import dev.smtpunit.testsupport.RawClient;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    @Test
    void bindsLoopbackAndAFreePortByDefault() {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            assertThat(smtp.host()).isEqualTo("127.0.0.1");
            assertThat(smtp.port()).isPositive();
            assertThat(smtp.isRunning()).isTrue();
        }
    }

    @Test
    void namesAddressAndPortWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            MockSmtpServer smtp =
                    new MockSmtpServer(SmtpServerOptions.builder().port(port).build());
            assertThatThrownBy(smtp::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("Cannot start the SMTP server: 127.0.0.1:" + port + " is already in use");
            assertThat(smtp.isRunning()).isFalse();
        }
    }

    @Test
    void freesThePortOnCloseAndCloseIsIdempotent() throws Exception {
        MockSmtpServer smtp = new MockSmtpServer().start();
        int port = smtp.port();
        smtp.close();
        smtp.close();
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
        try (MockSmtpServer same =
                MockSmtpServer.started(SmtpServerOptions.builder().port(port).build())) {
            assertThat(same.port()).isEqualTo(port);
        }
    }

    @Test
    void thePortIsFreeTheMomentStopReturns() throws Exception {
        for (int i = 0; i < 100; i++) {
            MockSmtpServer smtp = new MockSmtpServer().start();
            int port = smtp.port();
            smtp.close();
            try (java.nio.channels.ServerSocketChannel again = java.nio.channels.ServerSocketChannel.open()) {
                again.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, false);
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
    }

    @Test
    void canBeRestartedAndKeepsItsMailboxUntilReset() throws Exception {
        MockSmtpServer smtp = new MockSmtpServer().start();
        Mail.send(smtp.properties(), "before restart");
        smtp.stop();
        assertThatThrownBy(smtp::port)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
        smtp.start();
        Mail.send(smtp.properties(), "after restart");
        assertThat(smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5))).hasSize(2);
        smtp.faults().on(SmtpPhase.RCPT).reply(452, "4.2.2 full");
        smtp.reset();
        assertThat(smtp.mailbox().messages()).isEmpty();
        assertThat(smtp.transcript().sessions()).isEmpty();
        assertThat(smtp.faults().rules()).isEmpty();
        smtp.close();
    }

    @Test
    void refusesToStartTwice() {
        try (MockSmtpServer smtp = new MockSmtpServer().start()) {
            assertThatThrownBy(smtp::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
        }
    }

    @Test
    void leaksNoThreadsOverManyStartStopCycles() throws Exception {
        try (MockSmtpServer warm = new MockSmtpServer().start()) {
            Mail.send(warm.properties(), "warm-up");
        }
        int baseline = Thread.activeCount();
        for (int i = 0; i < 2000; i++) {
            MockSmtpServer smtp = new MockSmtpServer().start();
            int port = smtp.port();
            if (i % 20 == 0) {
                // every twentieth cycle stops with a client still connected
                try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                    c.reply();
                    smtp.stop();
                }
                assertThat(serverThreads(port))
                        .as("server threads alive after stop() in cycle " + i)
                        .isEmpty();
            }
            smtp.stop();
        }
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(baseline);
    }

    @Test
    void stopClosesOpenConnectionsAndEndsTheirThreads() throws Exception {
        MockSmtpServer smtp = new MockSmtpServer().start();
        int port = smtp.port();
        try (RawClient idle = RawClient.connect(smtp.host(), smtp.port());
                RawClient inData = RawClient.connect(smtp.host(), smtp.port())) {
            idle.reply();
            inData.reply();
            inData.command("EHLO x");
            inData.command("MAIL FROM:<a@example.com>");
            inData.command("RCPT TO:<b@example.com>");
            inData.command("DATA");
            inData.sendRaw("Subject: half a message\r\n");
            assertThat(serverThreads(port))
                    .extracting(Thread::getName)
                    .containsExactlyInAnyOrder(
                            "smtpunit 127.0.0.1:" + port + " accept",
                            "smtpunit 127.0.0.1:" + port + " session 1",
                            "smtpunit 127.0.0.1:" + port + " session 2",
                            "smtpunit 127.0.0.1:" + port + " watchdog");
            smtp.stop();
            assertThat(serverThreads(port))
                    .as("stop() joins the accepting and connection threads")
                    .isEmpty();
            assertThat(idle.isClosedByServer()).isTrue();
            assertThat(inData.isClosedByServer()).isTrue();
        }
        assertThat(smtp.transcript().session(1).events())
                .extracting(TranscriptEntry.Event::detail)
                .endsWith("connection closed by server (server stopped)");
        assertThat(smtp.transcript().session(2).events())
                .extracting(TranscriptEntry.Event::detail)
                .endsWith("connection closed by server (server stopped)")
                .anyMatch(d -> d.matches("connection lost during DATA after \\d+ bytes; the message was discarded"));
        assertThat(smtp.mailbox().messages()).isEmpty();
    }

    @Test
    void namesConnectionThreadsAfterServerAndSession() throws Exception {
        try (MockSmtpServer smtp = new MockSmtpServer().start();
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(serverThreads(smtp.port()))
                    .extracting(Thread::getName)
                    .containsExactlyInAnyOrder(
                            "smtpunit 127.0.0.1:" + smtp.port() + " accept",
                            "smtpunit 127.0.0.1:" + smtp.port() + " session 1",
                            "smtpunit 127.0.0.1:" + smtp.port() + " watchdog");
            assertThat(serverThreads(smtp.port())).allMatch(Thread::isDaemon);
        }
    }

    @Test
    void needsNoNettyOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("io.netty.channel.Channel")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.james.protocols.netty.NettyServer"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static List<Thread> serverThreads(int port) {
        String prefix = "smtpunit 127.0.0.1:" + port + " ";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix))
                .toList();
    }

    @Test
    void refusesConnectionsOverTheLimitWith421() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                        SmtpServerOptions.builder().maxConnections(1).build());
                RawClient first = RawClient.connect(smtp.host(), smtp.port())) {
            assertThat(first.reply()).startsWith("220 ");
            try (RawClient second = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(second.reply())
                        .isEqualTo("421 4.7.0 localhost Error: too many connections, try again later");
                assertThat(second.isClosedByServer()).isTrue();
            }
            assertThat(first.command("NOOP")).startsWith("250");
        }
    }

    @Test
    void closesAnIdleConnectionWith421() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .idleTimeout(Duration.ofMillis(200))
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.reply()).isEqualTo("421 4.4.2 localhost Error: timeout exceeded");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void greetsAfterTheGreetingDelayAndRecordsNoFault() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                .greetingDelay(Duration.ofMillis(150))
                .build())) {
            long start = System.nanoTime();
            try (RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
                assertThat(c.reply()).isEqualTo("220 localhost ESMTP SmtpUnit");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
                assertThat(c.command("QUIT")).startsWith("221");
            }
            assertThat(smtp.transcript().exchanges()).isNotEmpty().noneMatch(TranscriptEntry.Exchange::injected);
            assertThat(smtp.transcript().toString()).doesNotContain("delay");
        }
        assertThatThrownBy(() -> SmtpServerOptions.builder().greetingDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("greetingDelay must not be negative, was PT-0.001S");
    }

    @Test
    void usesTheConfiguredHostnameAndGreeting() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(
                        SmtpServerOptions.builder().hostname("mx.test").build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            assertThat(c.reply()).isEqualTo("220 mx.test ESMTP SmtpUnit");
            assertThat(c.command("EHLO x")).startsWith("250-mx.test Hello x [127.0.0.1]");
        }
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .greeting("mx.test ready to test")
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            assertThat(c.reply()).isEqualTo("220 mx.test ready to test");
        }
    }

    @Test
    void hidesAndAddsExtensions() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .hideExtensions("pipelining", "8BITMIME")
                        .advertiseExtensions("SMTPUTF8")
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            assertThat(c.command("EHLO x"))
                    .isEqualTo("250-localhost Hello x [127.0.0.1]\n250-ENHANCEDSTATUSCODES\n250 SMTPUTF8");
        }
    }

    @Test
    void refusesRecipientsOutsideTheAcceptedDomains() throws Exception {
        try (MockSmtpServer smtp = MockSmtpServer.started(SmtpServerOptions.builder()
                        .acceptedDomains("example.com")
                        .build());
                RawClient c = RawClient.connect(smtp.host(), smtp.port())) {
            c.reply();
            c.command("EHLO x");
            c.command("MAIL FROM:<a@elsewhere.org>");
            assertThat(c.command("RCPT TO:<b@Example.COM>")).startsWith("250 ");
            assertThat(c.command("RCPT TO:<c@elsewhere.org>"))
                    .isEqualTo("550 5.7.1 <c@elsewhere.org>: Relay access denied");
        }
    }

    @Test
    void explainsMisconfiguredOptions() {
        assertThatThrownBy(() -> SmtpServerOptions.builder().requireAuth(true).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("requireAuth(true) needs user(name, password) or acceptAnyCredentials()");
        assertThatThrownBy(() -> SmtpServerOptions.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be 0 (a free port) or 1 to 65535, was 70000");
        assertThatThrownBy(() -> new MockSmtpServer().start().clientTrust())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TLS is off");
    }
}
