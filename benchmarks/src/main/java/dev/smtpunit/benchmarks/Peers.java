package dev.smtpunit.benchmarks;

import java.util.List;
import java.util.function.Supplier;

/** The peers measured beside SmtpUnit; none yet in this build (see the module's README section). */
final class Peers {
    private Peers() {}

    static List<Supplier<Target>> available() {
        return List.of();
    }
}
