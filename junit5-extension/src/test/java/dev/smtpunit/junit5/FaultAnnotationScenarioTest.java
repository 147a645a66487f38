package dev.smtpunit.junit5;

import org.junit.jupiter.api.Test;

import dev.smtpunit.junit5.fixtures.FaultAnnotationFixture;

class FaultAnnotationScenarioTest {
    @Test
    void scriptsFaultsFromMethodAndClassAnnotations() {
        Fixtures.run(FaultAnnotationFixture.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }
}
