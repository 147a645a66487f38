package dev.smtpunit.junit5;

import dev.smtpunit.junit5.fixtures.FaultAnnotationFixture;
import org.junit.jupiter.api.Test;

class FaultAnnotationScenarioTest {
    @Test
    void scriptsFaultsFromMethodAndClassAnnotations() {
        Fixtures.run(FaultAnnotationFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
    }
}
