package dev.smtpunit.spring;

import dev.smtpunit.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/** The Spring module keeps the architecture of {@link Architecture}. */
class ArchitectureTest {
    @Test
    void keepsTheArchitecture() {
        Architecture.check(Architecture.mainClasses());
    }
}
