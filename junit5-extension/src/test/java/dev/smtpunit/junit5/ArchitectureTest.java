package dev.smtpunit.junit5;

import dev.smtpunit.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/** The JUnit extension keeps the architecture of {@link Architecture}. */
class ArchitectureTest {
    @Test
    void keepsTheArchitecture() {
        Architecture.check(Architecture.mainClasses());
    }
}
