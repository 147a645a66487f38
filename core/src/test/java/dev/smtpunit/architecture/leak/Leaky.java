package dev.smtpunit.architecture.leak;

import dev.smtpunit.architecture.leak.internal.Engine;

/** An API type that breaks the rules on purpose: it shows an internal type. */
public final class Leaky {
    public Engine engine() {
        return new Engine();
    }
}
