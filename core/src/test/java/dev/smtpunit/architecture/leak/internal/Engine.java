package dev.smtpunit.architecture.leak.internal;

import dev.smtpunit.architecture.leak.Leaky;
import dev.smtpunit.architecture.leak.internal.other.Helper;

/** An internal type in two cycles: with the API type, and with another internal package. */
public final class Engine {
    Leaky owner;
    Helper helper;
}
