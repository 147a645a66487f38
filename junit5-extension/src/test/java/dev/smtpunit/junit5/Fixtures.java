package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.Send;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs fixture classes through the Jupiter engine. */
final class Fixtures {
    private Fixtures() {}

    static EngineExecutionResults run(Class<?> fixture) {
        Send.reset();
        lastFailures = ""; // a fixture failing inside this run prints nothing
        return report(EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute());
    }

    /** The failures of the last fixture run, printed only if the scenario that ran it fails. */
    private static volatile String lastFailures = "";

    /**
     * Keeps the failures of a fixture run, so that a failing scenario says why; most scenarios
     * expect their fixtures to fail, and a green build prints none of it.
     */
    private static EngineExecutionResults report(EngineExecutionResults results) {
        StringBuilder failures = new StringBuilder();
        results.allEvents().failed().stream()
                .forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .ifPresent(t -> failures.append("fixture failure in ")
                                .append(e.getTestDescriptor().getDisplayName())
                                .append(": ")
                                .append(t)
                                .append('\n')));
        lastFailures = failures.toString();
        return results;
    }

    /**
     * Registered for every test of this module (META-INF/services, autodetection on): when a
     * scenario fails, prints the failures of the fixtures it ran.
     */
    public static final class PrintFixtureFailuresOfAFailingScenario implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String failures = lastFailures;
            if (!failures.isEmpty()) {
                System.err.print(failures);
            }
        }
    }

    static EngineExecutionResults runInParallel(Class<?> fixture) {
        Send.reset();
        lastFailures = "";
        return report(EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .execute());
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
