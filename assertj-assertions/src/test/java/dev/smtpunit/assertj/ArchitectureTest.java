package dev.smtpunit.assertj;

import dev.smtpunit.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/** The AssertJ module keeps the architecture of {@link Architecture}. */
class ArchitectureTest {
    @Test
    void keepsTheArchitecture() {
        Architecture.check(Architecture.mainClasses());
    }
}
