package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.Send;
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
        return report(EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute());
    }

    /** Prints the failures of a fixture run, so that a failing scenario says why. */
    private static EngineExecutionResults report(EngineExecutionResults results) {
        results.allEvents().failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .ifPresent(t -> System.err.println("fixture failure in " + e.getTestDescriptor().getDisplayName() + ": " + t)));
        return results;
    }

    static EngineExecutionResults runInParallel(Class<?> fixture) {
        Send.reset();
        return report(EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
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
