package dev.smtpunit.junit5;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.fixtures.BeforeAllParameterFixture;
import dev.smtpunit.junit5.fixtures.InstanceFieldFixture;
import dev.smtpunit.junit5.fixtures.MetaAnnotationFixture;
import dev.smtpunit.junit5.fixtures.PerTestParameterFixture;
import dev.smtpunit.junit5.fixtures.Send;
import dev.smtpunit.junit5.fixtures.StaticFieldFixture;
import dev.smtpunit.junit5.fixtures.TwoServersFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One scenario per test: where a server comes from, how long it lives, and that it is closed. */
class LifecycleScenariosTest {

    private static void assertAllStopped() {
        for (MockSmtpServer s : Send.SERVERS) {
            assertThat(s.isRunning()).as("server closed after its scope").isFalse();
        }
        for (int port : Send.PORTS) {
            assertThat(Fixtures.isFree(port)).as("port %s is free again", port).isTrue();
        }
    }

    @Test
    void testParametersGetAFreshServerPerTest() {
        Fixtures.run(PerTestParameterFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Send.SERVERS).hasSize(2).doesNotHaveDuplicates();
        assertAllStopped();
    }

    @Test
    void staticFieldsGetOneServerPerClassResetBetweenTests() {
        Fixtures.run(StaticFieldFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Send.SERVERS).hasSize(2);
        assertThat(List.copyOf(Send.SERVERS).get(0))
                .isSameAs(List.copyOf(Send.SERVERS).get(1));
        assertAllStopped();
    }

    @Test
    void instanceFieldsGetOneServerPerTest() {
        Fixtures.run(InstanceFieldFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Send.SERVERS).hasSize(2).doesNotHaveDuplicates();
        assertAllStopped();
    }

    @Test
    void beforeAllParametersAreSharedWithNestedClasses() {
        Fixtures.run(BeforeAllParameterFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Send.SERVERS).hasSize(2);
        assertThat(List.copyOf(Send.SERVERS).get(0))
                .isSameAs(List.copyOf(Send.SERVERS).get(1));
        assertAllStopped();
    }

    @Test
    void namedServersAreSeparateAndSharedByName() {
        Fixtures.run(TwoServersFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void worksAsAMetaAnnotationWithAConfigurer() {
        Fixtures.run(MetaAnnotationFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }
}
