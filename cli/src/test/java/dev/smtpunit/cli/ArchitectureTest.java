package dev.smtpunit.cli;

import dev.smtpunit.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/** The command line keeps the architecture of {@link Architecture}. */
class ArchitectureTest {
    @Test
    void keepsTheArchitecture() {
        Architecture.check(Architecture.mainClasses());
    }
}
