package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.ConcurrentSharedServerFixture;
import dev.smtpunit.junit5.fixtures.ParallelFixture;
import dev.smtpunit.junit5.fixtures.Send;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParallelScenarioTest {

    @Test
    void sixtyConcurrentTestsEachSeeOnlyTheirOwnMail() {
        ParallelFixture.MAX_RUNNING.set(0);
        Fixtures.runInParallel(ParallelFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(60).succeeded(60));
        assertThat(Send.SERVERS).hasSize(60).doesNotHaveDuplicates();
        assertThat(ParallelFixture.MAX_RUNNING.get())
                .as("tests really ran concurrently")
                .isGreaterThan(1);
        Send.SERVERS.forEach(s -> assertThat(s.isRunning()).isFalse());
    }

    @Test
    void concurrentTestsTakeTurnsOnASharedPerClassServer() {
        ConcurrentSharedServerFixture.MAX_INSIDE.set(0);
        Fixtures.runInParallel(ConcurrentSharedServerFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(20).succeeded(20));
        assertThat(ConcurrentSharedServerFixture.MAX_INSIDE.get())
                .as("never two tests on the shared server at once")
                .isEqualTo(1);
        assertThat(Send.SERVERS).hasSize(20);
        assertThat(Send.SERVERS.stream().distinct().count()).isEqualTo(1);
    }
}
