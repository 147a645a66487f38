package dev.smtpunit.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Measures SmtpUnit and prints a Markdown table. Run with
 * {@code mvn -q -Pbenchmarks -pl benchmarks -am verify -DskipTests}.
 * Medians of several rounds; every loop is bounded in count and time.
 */
public final class BenchmarkMain {
    private static final int MESSAGES = 20_000;
    private static final byte[] ONE_KB = LoadClient.message(1024, "bench");

    private BenchmarkMain() {}

    /** The columns: name, unit, and whether lower is better. */
    private static final String[][] COLUMNS = {
        {"per-test cycle (median)", "ms", "low"}, {"start+stop (median)", "ms", "low"}, {"msg/s, 1 conn", "", "high"},
        {"msg/s, 8 conn", "", "high"}, {"Jakarta Mail msg/s, 1 conn", "", "high"}, {"Jakarta Mail msg/s, 8 conn", "", "high"},
        {"retained heap per 1 KB msg", "KB", "low"}, {"allocated per msg", "KB", "low"},
        {"25 MB message", "ms", "low"}, {"25 MB transient heap", "MB", "low"}, {"cold start over bare JVM", "ms", "low"}};

    public static void main(String[] args) throws Exception {
        List<Supplier<Target>> targets = new ArrayList<>();
        targets.add(SmtpUnitTarget::new);
        targets.addAll(Peers.available());
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (Supplier<Target> t : targets) {
            names.add(t.get().name());
            rows.add(measure(t));
        }
        StringBuilder table = new StringBuilder("\n| server |");
        for (String[] c : COLUMNS) {
            table.append(' ').append(c[0]).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(COLUMNS.length)).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            table.append("| ").append(names.get(r)).append(" |");
            for (int c = 0; c < COLUMNS.length; c++) {
                table.append(' ').append(cell(rows, r, c)).append(" |");
            }
            table.append('\n');
        }
        System.out.println(table);
        System.out.println("Ratios are to the best in each column. Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB; medians of several rounds.");
    }

    private static String cell(List<double[]> rows, int r, int c) {
        double v = rows.get(r)[c];
        if (Double.isNaN(v)) {
            return "n/a";
        }
        boolean low = COLUMNS[c][2].equals("low");
        double best = rows.stream().mapToDouble(x -> x[c]).filter(x -> !Double.isNaN(x)).reduce(low ? Double::min : Double::max).orElse(v);
        String value = COLUMNS[c][1].isEmpty() ? String.format(Locale.ROOT, "%,.0f", v) : fmt(v, COLUMNS[c][1]);
        if (c == COLUMNS.length - 1) {
            value = "+" + value;
        }
        if (rows.size() == 1 || best == 0) {
            return value;
        }
        double ratio = low ? v / best : best / v;
        return ratio < 1.005 ? "**" + value + "**" : value + String.format(Locale.ROOT, " (%.1f\u00d7)", ratio);
    }

    private static double[] measure(Supplier<Target> factory) throws Exception {
        String name = factory.get().name();
        System.err.println("measuring " + name + " ...");
        double nan = Double.NaN;
        if ("heap".equals(System.getProperty("bench.only"))) {
            double[] heap = retainedAndAllocated(factory);
            return new double[] {nan, nan, nan, nan, nan, nan, heap[0] / 1024, heap[1] / 1024, nan, nan, nan};
        }
        if ("throughput".equals(System.getProperty("bench.only"))) {
            return new double[] {nan, nan, median(3, () -> throughput(factory, 1)), median(3, () -> throughput(factory, 8)),
                JakartaLoad.throughput(factory, 1), JakartaLoad.throughput(factory, 8), nan, nan, nan, nan, nan};
        }
        double cycle = cycle(factory, 1500, 3000);
        double startStop = startStop(factory, 1500, 5000);
        double one = median(3, () -> throughput(factory, 1));
        double eight = median(3, () -> throughput(factory, 8));
        double jakartaOne = JakartaLoad.throughput(factory, 1);
        double jakartaEight = JakartaLoad.throughput(factory, 8);
        double[] heap = retainedAndAllocated(factory);
        double[] big = median2(3, () -> bigMessage(factory));
        double cold = coldStart(name);
        return new double[] {cycle, startStop, one, eight, jakartaOne, jakartaEight, heap[0] / 1024, heap[1] / 1024, big[0],
            big[1] / (1 << 20), cold};
    }

    private static String fmt(double v, String unit) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : "%.0f %s", v, unit);
    }

    /** Start, send one 1 KB message, see it stored, stop; bounded in count and in time (10 s warm-up, 15 s measured). */
    private static double cycle(Supplier<Target> factory, int warmup, int rounds) throws Exception {
        return timed(warmup, rounds, () -> {
            try (Target t = factory.get()) {
                t.start();
                try (LoadClient c = new LoadClient(t.port())) {
                    c.send(ONE_KB);
                    c.quit();
                }
                // after QUIT: Dumbster hands out its list only once the session is over
                awaitStored(t, 1);
            }
        });
    }

    private static double startStop(Supplier<Target> factory, int warmup, int rounds) throws Exception {
        return timed(warmup, rounds, () -> {
            Target t = factory.get();
            t.start();
            t.close();
        });
    }

    interface Step {
        void run() throws Exception;
    }

    /** Median milliseconds of a step, after a warm-up; each phase stops at its count or its time budget. */
    private static double timed(int warmup, int rounds, Step step) throws Exception {
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < warmup && System.nanoTime() < warmEnd; i++) {
            step.run();
        }
        double[] ms = new double[rounds];
        int n = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (n < rounds && (n < 20 || System.nanoTime() < end)) {
            long t0 = System.nanoTime();
            step.run();
            ms[n++] = (System.nanoTime() - t0) / 1e6;
        }
        return median(Arrays.copyOf(ms, n));
    }

    static void awaitStored(Target t, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int polls = 0;
        while (t.stored() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(t.name() + " stored " + t.stored() + " of " + n + " messages");
            }
            // spin briefly (the usual case: stored before the 250), then back off so polling does not steal the CPU
            if (++polls < 100) {
                Thread.onSpinWait();
            } else {
                Thread.sleep(1);
            }
        }
        if (t.stored() != n) {
            throw new IllegalStateException(t.name() + " stored " + t.stored() + " messages, expected " + n);
        }
    }

    /** Messages per second for 20,000 messages of 1 KB over {@code connections} connections. */
    private static double throughput(Supplier<Target> factory, int connections) throws Exception {
        try (Target t = factory.get()) {
            t.start();
            return rate(t, connections, MESSAGES / connections, 120, () -> {
                try (LoadClient client = new LoadClient(t.port())) {
                    for (int i = 0; i < MESSAGES / connections; i++) {
                        client.send(ONE_KB);
                    }
                    client.quit();
                }
            });
        }
    }

    /**
     * Runs one sender per connection, waits for them and for every message to be stored, checks
     * that none was lost or duplicated, and returns messages per second.
     */
    static double rate(Target t, int connections, int each, int timeoutSeconds, Step sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                fs.add(pool.submit(() -> {
                    sender.run();
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(timeoutSeconds, TimeUnit.SECONDS);
            }
            awaitStored(t, each * connections);
            return each * connections / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Retained heap and allocation per stored 1 KB message, over 20,000 messages on 1 connection. */
    private static double[] retainedAndAllocated(Supplier<Target> factory) throws Exception {
        try (Target t = factory.get()) {
            t.start();
            long before = usedAfterGc();
            long allocBefore = allocatedByAllThreads();
            long allocated;
            try (LoadClient client = new LoadClient(t.port())) {
                for (int i = 0; i < MESSAGES; i++) {
                    client.send(ONE_KB);
                }
                // read before QUIT: servers with a thread per connection lose its count when it ends
                allocated = allocatedByAllThreads() - allocBefore;
                client.quit();
            }
            awaitStored(t, MESSAGES);
            long after = usedAfterGc();
            if (t instanceof SmtpUnitTarget s) {
                s.server().transcript().clear();
                long withoutTranscript = usedAfterGc();
                System.err.printf(Locale.ROOT, "  SmtpUnit: mailbox alone %.2f KB/msg, transcript %.2f KB/msg%n",
                        (withoutTranscript - before) / 1024.0 / MESSAGES, (after - withoutTranscript) / 1024.0 / MESSAGES);
            }
            return new double[] {(after - before) / (double) MESSAGES, allocated / (double) MESSAGES};
        }
    }

    /** Time for one 25 MB message, and the heap it needed beyond the stored bytes' baseline. */
    private static double[] bigMessage(Supplier<Target> factory) throws Exception {
        byte[] big = LoadClient.message(25 << 20, "big");
        try (Target t = factory.get()) {
            t.start();
            try (LoadClient c = new LoadClient(t.port())) {
                long base = usedAfterGc();
                List<MemoryPoolMXBean> pools = heapPools();
                pools.forEach(MemoryPoolMXBean::resetPeakUsage);
                long t0 = System.nanoTime();
                c.send(big);
                c.quit();
                awaitStored(t, 1);
                double ms = (System.nanoTime() - t0) / 1e6;
                long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                return new double[] {ms, Math.max(0, peak - base - big.length)};
            }
        }
    }

    /** Wall time of a fresh JVM that starts a server and sends one message, minus a bare JVM's. */
    private static double coldStart(String target) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String cp = System.getProperty("java.class.path");
        double[] bare = new double[5];
        double[] server = new double[5];
        for (int i = 0; i < 5; i++) {
            bare[i] = run(java, cp, "bare");
            server[i] = run(java, cp, target);
        }
        return median(server) - median(bare);
    }

    private static double run(String java, String cp, String mode) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-cp", cp, ColdStart.class.getName(), mode).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("cold-start JVM failed");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = mx.getAllThreadIds();
        return Arrays.stream(mx.getThreadAllocatedBytes(ids)).filter(v -> v > 0).sum();
    }

    interface Measurement {
        double run() throws Exception;
    }

    interface Measurement2 {
        double[] run() throws Exception;
    }

    private static double median(int rounds, Measurement m) throws Exception {
        double[] v = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            v[i] = m.run();
        }
        return median(v);
    }

    private static double[] median2(int rounds, Measurement2 m) throws Exception {
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double[] r = m.run();
            a[i] = r[0];
            b[i] = r[1];
        }
        return new double[] {median(a), median(b)};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
