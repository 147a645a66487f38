package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.ParallelFixture;
import dev.smtpunit.junit5.fixtures.Send;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParallelScenarioTest {

    @Test
    void sixtyConcurrentTestsEachSeeOnlyTheirOwnMail() {
        ParallelFixture.MAX_RUNNING.set(0);
        Fixtures.runInParallel(ParallelFixture.class).testEvents().assertStatistics(s -> s.started(60).succeeded(60));
        assertThat(Send.SERVERS).hasSize(60).doesNotHaveDuplicates();
        assertThat(ParallelFixture.MAX_RUNNING.get()).as("tests really ran concurrently").isGreaterThan(1);
        Send.SERVERS.forEach(s -> assertThat(s.isRunning()).isFalse());
    }
}
