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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Measures SmtpUnit beside its peers and a JDK-only limit reference, and prints a Markdown table
 * and the targets of issue 10 as ratios. Run with
 * {@code mvn -q -Pbenchmarks -pl benchmarks -am verify -DskipTests}.
 * Medians of several rounds; every loop is bounded in count and time.
 */
public final class BenchmarkMain {
    /** {@code -Dbench.quick=true}: a smoke run (a tenth of the work) to check that every target works. */
    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final int MESSAGES = QUICK ? 2_000 : 20_000;
    private static final int ROUNDS = QUICK ? 1 : 3;
    private static final byte[] ONE_KB = LoadClient.message(1024, "bench");
    /** Idle time after each per-test cycle: roughly what a test's own work costs. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

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
        targets.add(ReferenceSink::new);
        List<String> names = new ArrayList<>();
        for (Supplier<Target> t : targets) {
            names.add(t.get().name());
        }
        double[][] rows = measure(targets, names);
        StringBuilder table = new StringBuilder("\n| server |");
        for (String[] c : COLUMNS) {
            table.append(' ').append(c[0]).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(COLUMNS.length)).append('\n');
        List<double[]> list = Arrays.asList(rows);
        for (int r = 0; r < rows.length; r++) {
            table.append("| ").append(names.get(r)).append(" |");
            for (int c = 0; c < COLUMNS.length; c++) {
                table.append(' ').append(cell(list, r, c)).append(" |");
            }
            table.append('\n');
        }
        System.out.println(table);
        System.out.println("Ratios are to the best in each column. Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB; targets interleaved round-robin, medians of several rounds.");
        System.out.println(Targets.report(names, rows));
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

    /**
     * Every figure for every target. Each measurement visits the targets in turn, round after round,
     * so that no server is measured only while it is hot and a slow phase of the machine hits all alike.
     * {@code -Dbench.only=cycle|throughput|heap|big|cold} runs one group (the others show n/a).
     */
    private static double[][] measure(List<Supplier<Target>> targets, List<String> names) throws Exception {
        int k = targets.size();
        double[][] rows = new double[k][COLUMNS.length];
        for (double[] row : rows) {
            Arrays.fill(row, Double.NaN);
        }
        String only = System.getProperty("bench.only", "");
        if (only.isEmpty() || only.equals("cycle")) {
            System.err.println("per-test cycles ...");
            column(rows, 0, interleaved(targets, QUICK ? 30 : 300, QUICK ? 100 : 1000, BenchmarkMain::cycle));
            System.err.println("start+stop ...");
            column(rows, 1, interleaved(targets, QUICK ? 30 : 300, QUICK ? 100 : 1000, t -> {
                t.start();
                t.close();
            }));
        }
        if (only.isEmpty() || only.equals("throughput")) {
            System.err.println("throughput ...");
            column(rows, 2, rounds(targets, ROUNDS, f -> throughput(f, 1)));
            column(rows, 3, rounds(targets, ROUNDS, f -> throughput(f, 8)));
            column(rows, 4, rounds(targets, 1, f -> JakartaLoad.throughput(f, 1)));
            column(rows, 5, rounds(targets, 1, f -> JakartaLoad.throughput(f, 8)));
        }
        if (only.isEmpty() || only.equals("heap")) {
            System.err.println("heap ...");
            for (int j = 0; j < k; j++) {
                double[] heap = retainedAndAllocated(targets.get(j));
                rows[j][6] = heap[0] / 1024;
                rows[j][7] = heap[1] / 1024;
            }
        }
        if (only.isEmpty() || only.equals("big")) {
            System.err.println("25 MB message ...");
            double[][] heaps = new double[k][ROUNDS];
            int[] round = new int[k];
            column(rows, 8, rounds(targets, ROUNDS, f -> {
                int j = targets.indexOf(f);
                double[] big = bigMessage(f);
                heaps[j][round[j]++] = big[1] / (1 << 20);
                return big[0];
            }));
            for (int j = 0; j < k; j++) {
                rows[j][9] = median(heaps[j]);
            }
        }
        if (only.isEmpty() || only.equals("cold")) {
            System.err.println("cold start ...");
            column(rows, 10, coldStart(names));
        }
        return rows;
    }

    private static void column(double[][] rows, int c, double[] values) {
        for (int j = 0; j < rows.length; j++) {
            rows[j][c] = values[j];
        }
    }

    interface TargetStep {
        void run(Target t) throws Exception;
    }

    interface FactoryMeasurement {
        double run(Supplier<Target> factory) throws Exception;
    }

    /** Median of {@code n} measurements per target, the targets taking turns. */
    private static double[] rounds(List<Supplier<Target>> targets, int n, FactoryMeasurement m) throws Exception {
        double[][] v = new double[targets.size()][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < targets.size(); j++) {
                v[j][i] = m.run(targets.get(j));
            }
        }
        double[] medians = new double[targets.size()];
        for (int j = 0; j < medians.length; j++) {
            medians[j] = median(v[j]);
        }
        return medians;
    }

    /**
     * Median milliseconds of a step per target, the targets taking turns round-robin, each step
     * followed by {@link #IDLE_NANOS} of idle time (what a test's own work costs); after a warm-up,
     * and bounded in count and time.
     */
    private static double[] interleaved(List<Supplier<Target>> factories, int warmup, int rounds, TargetStep step)
            throws Exception {
        int k = factories.size();
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int i = 0; i < warmup && System.nanoTime() < warmEnd; i++) {
            for (Supplier<Target> f : factories) {
                step.run(f.get());
                idle();
            }
        }
        double[][] ms = new double[k][rounds];
        int n = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (n < rounds && (n < Math.min(20, rounds) || System.nanoTime() < end)) {
            for (int j = 0; j < k; j++) {
                Target t = factories.get(j).get();
                long t0 = System.nanoTime();
                step.run(t);
                ms[j][n] = (System.nanoTime() - t0) / 1e6;
                idle();
            }
            n++;
        }
        double[] medians = new double[k];
        for (int j = 0; j < k; j++) {
            medians[j] = median(Arrays.copyOf(ms[j], n));
        }
        return medians;
    }

    private static void idle() {
        LockSupport.parkNanos(IDLE_NANOS);
    }

    private static String fmt(double v, String unit) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : "%.0f %s", v, unit);
    }

    /** What a test pays for: start, send one 1 KB message, see it stored, stop. */
    private static void cycle(Target target) throws Exception {
        try (Target t = target) {
            t.start();
            try (LoadClient c = new LoadClient(t.port())) {
                c.send(ONE_KB);
                c.quit();
            }
            // after QUIT: Dumbster hands out its list only once the session is over
            awaitStored(t, 1);
        }
    }

    interface Step {
        void run() throws Exception;
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

    /** Wall time of a fresh JVM that starts a server and sends one message, minus a bare JVM's; JVMs take turns. */
    private static double[] coldStart(List<String> names) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String cp = System.getProperty("java.class.path");
        int rounds = QUICK ? 1 : 5;
        double[] bare = new double[rounds];
        double[][] server = new double[names.size()][rounds];
        for (int i = 0; i < rounds; i++) {
            bare[i] = run(java, cp, "bare");
            for (int j = 0; j < names.size(); j++) {
                server[j][i] = run(java, cp, names.get(j));
            }
        }
        double[] over = new double[names.size()];
        for (int j = 0; j < over.length; j++) {
            over[j] = median(server[j]) - median(bare);
        }
        return over;
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

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
