package dev.smtpunit.architecture.leak.internal.other;

import dev.smtpunit.architecture.leak.internal.Engine;

/** Closes the cycle between the two internal packages. */
public final class Helper {
    Engine engine;
}
