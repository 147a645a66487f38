package dev.smtpunit;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.smtpunit.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Core keeps the architecture of {@link Architecture}; and the rules catch what they forbid. */
class ArchitectureTest {
    @Test
    void coreKeepsTheArchitecture() {
        Architecture.check(Architecture.mainClasses());
    }

    @Test
    void theRulesReportAnInternalTypeInAPublicSignatureAndACycleOfInternalPackages() {
        var fixture = new ClassFileImporter().importPackages("dev.smtpunit.architecture.leak");
        assertThatThrownBy(() -> Architecture.check(fixture))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains(
                                "dev.smtpunit.architecture.leak.Leaky: engine(...) shows dev.smtpunit.architecture.leak.internal.Engine",
                                "Slice dev.smtpunit.architecture.leak.internal -> ",
                                "types of different packages depend on each other: dev.smtpunit.architecture.leak.Leaky"
                                        + " <-> dev.smtpunit.architecture.leak.internal.Engine"));
    }
}
