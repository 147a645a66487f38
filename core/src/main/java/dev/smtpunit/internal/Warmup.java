package dev.smtpunit.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wires the James command chain on a background thread while the first server binds its port:
 * in a fresh JVM both are mostly class loading, and on two cores they overlap instead of adding up.
 * Happens once per JVM; the first command waits for it only if it is not done yet.
 */
final class Warmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {}

    static void begin() {
        if (STARTED.compareAndSet(false, true)) {
            QuietSlf4j.beforeJames(); // before the transport's first log call races the chain's
            Thread t = new Thread(() -> {
                ProtocolChain.dispatcher();
                new Interner().reply(250, "warm");
            }, "smtpunit-warmup");
            t.setDaemon(true);
            t.start();
        }
    }
}
