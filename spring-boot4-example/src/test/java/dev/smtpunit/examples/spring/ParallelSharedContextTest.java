package dev.smtpunit.examples.spring;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.SmtpServer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Under JUnit's parallel execution, test classes and methods that share one application context (so
 * one server) take turns on it: each test, from the reset before it to the checks after it, sees only
 * its own mail. Tests on another context's server run at the same time. The fixtures run through JUnit's
 * engine test kit with classes and methods concurrent.
 */
class ParallelSharedContextTest {
    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    private static final CountDownLatch SHARED_SERVER_TEST_RUNNING = new CountDownLatch(1);
    private static final CountDownLatch OTHER_SERVER_TEST_RUNNING = new CountDownLatch(1);

    /** Sends one mail to {@code to} and checks that the server holds exactly that mail, in one session. */
    abstract static class SendsItsOwnMail {
        @Autowired
        JavaMailSender mailSender;

        void sendAndSeeOnlyIt(MockSmtpServer smtp, String to) {
            THREADS.add(Thread.currentThread().getName());
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom("app@parallel.test");
            mail.setTo(to);
            mail.setSubject("for " + to);
            mail.setText("Hello");
            mailSender.send(mail);

            assertThat(smtp.mailbox()).hasMessageCount(1).hasMessageTo(to);
            assertThat(smtp.transcript()).hasSessionCount(1);
        }
    }

    @SpringBootTest
    @SmtpServer(hostname = "parallel.test")
    static class ClassOne extends SendsItsOwnMail {
        @RepeatedTest(20)
        void sends(MockSmtpServer smtp, RepetitionInfo repetition) {
            sendAndSeeOnlyIt(smtp, "one-" + repetition.getCurrentRepetition() + "@example.com");
        }

        @Test
        void sendsFromAnotherMethod(MockSmtpServer smtp) {
            sendAndSeeOnlyIt(smtp, "one-other@example.com");
        }
    }

    @SpringBootTest
    @SmtpServer(hostname = "parallel.test")
    static class ClassTwo extends SendsItsOwnMail {
        @RepeatedTest(20)
        void sends(MockSmtpServer smtp, RepetitionInfo repetition) {
            sendAndSeeOnlyIt(smtp, "two-" + repetition.getCurrentRepetition() + "@example.com");
        }
    }

    @SpringBootTest
    @SmtpServer(hostname = "parallel.test")
    static class MeetsATestOnAnotherServer {
        @Test
        void runsWhileTheOtherServersTestRuns(MockSmtpServer smtp) throws InterruptedException {
            SHARED_SERVER_TEST_RUNNING.countDown();
            assertThat(OTHER_SERVER_TEST_RUNNING.await(30, TimeUnit.SECONDS))
                    .as("a test on another context's server ran while this one held its server")
                    .isTrue();
        }
    }

    @SpringBootTest
    @SmtpServer(hostname = "elsewhere.test")
    static class OnAnotherServer {
        @Test
        void runsWhileTheSharedServersTestRuns(MockSmtpServer smtp) throws InterruptedException {
            OTHER_SERVER_TEST_RUNNING.countDown();
            assertThat(SHARED_SERVER_TEST_RUNNING.await(30, TimeUnit.SECONDS))
                    .as("a test on another context's server ran while this one held its server")
                    .isTrue();
        }
    }

    @Test
    void classesAndMethodsSharingAContextTakeTurnsOnItsServer() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(PARALLEL)
                .selectors(selectClass(ClassOne.class), selectClass(ClassTwo.class))
                .execute()
                .testEvents();

        assertThat(failures(tests)).isEmpty();
        tests.assertStatistics(s -> s.started(41).succeeded(41));
        assertThat(THREADS).as("threads that ran the tests").hasSizeGreaterThan(1);
    }

    @Test
    void testsOnAnotherContextsServerRunMeanwhile() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(PARALLEL)
                .selectors(selectClass(MeetsATestOnAnotherServer.class), selectClass(OnAnotherServer.class))
                .execute()
                .testEvents();

        assertThat(failures(tests)).isEmpty();
        tests.assertStatistics(s -> s.started(2).succeeded(2));
    }

    private static String failures(Events tests) {
        return tests.failed().stream().map(ParallelSharedContextTest::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Event e) {
        return e.getTestDescriptor().getDisplayName() + ": "
                + e.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .map(t -> t + "")
                        .map(m -> m.lines().findFirst().orElse(""))
                        .orElse("");
    }
}
