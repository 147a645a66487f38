package dev.smtpunit.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Netty event-loop group for every server in the JVM, so that starting a server costs a bind
 * and not a thread pool. Daemon threads; shut down when the JVM ends.
 */
final class EventLoops {
    private static final class Holder {
        static final EventLoopGroup GROUP = create();
    }

    private EventLoops() {}

    static EventLoopGroup group() {
        return Holder.GROUP;
    }

    private static EventLoopGroup create() {
        // the system property is a tuning knob for benchmarks; the default suits test suites
        int threads = Integer.getInteger("smtpunit.ioThreads", Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2)));
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "smtpunit-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        NioEventLoopGroup group = new NioEventLoopGroup(threads, factory);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS), "smtpunit-shutdown"));
        return group;
    }
}
