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
 * (a row per {@link Metric}, a column per server, SmtpUnit's ratio to the reference and to the best
 * peer, and the targets of issue 23, met or missed). Run with
 * {@code mvn -q -Pbenchmarks -pl benchmarks -am verify -DskipTests}.
 * Medians of several rounds; every loop is bounded in count and time.
 */
public final class BenchmarkMain {
    /** {@code -Dbench.quick=true}: a smoke run (a tenth of the work) to check that every target works. */
    static final boolean QUICK = Boolean.getBoolean("bench.quick");

    private static final int MESSAGES = QUICK ? 2_000 : 20_000;
    private static final int ROUNDS = QUICK ? 1 : 3;
    private static final int NEW_CONNECTION_MESSAGES = QUICK ? 800 : 8_000;
    private static final byte[] ONE_KB = LoadClient.message(1024, "bench");
    /** Idle time after each per-test cycle: roughly what a test's own work costs. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private BenchmarkMain() {}

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
        Targets judged = new Targets(names, rows);
        System.out.println(table(names, rows, judged));
        System.out.println("Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB"
                + (QUICK ? ", QUICK run" : "")
                + ". Servers visited round-robin, each per-test cycle followed by " + IDLE_NANOS / 1_000_000
                + " ms idle; medians. Ratios are SmtpUnit's figure divided by the other's (below 1 is less:"
                + " better for times and bytes, worse for msg/s). Allocation counts the server's threads only"
                + " (the client's own allocation is subtracted).");
        System.out.println(judged.summary());
    }

    /** The table: a row per metric, a column per server, then SmtpUnit's ratios and the targets. */
    static String table(List<String> names, double[][] rows, Targets judged) {
        StringBuilder t = new StringBuilder("\n| same run, medians |");
        for (String n : names) {
            t.append(' ').append(n).append(" |");
        }
        t.append(" SmtpUnit \u00f7 reference | SmtpUnit \u00f7 best peer | target |\n|---|");
        t.append("---|".repeat(names.size() + 3)).append('\n');
        for (Metric m : Metric.values()) {
            t.append("| ").append(m.label).append(" |");
            int best = bestOf(rows, m);
            for (int j = 0; j < names.size(); j++) {
                String v = format(m, rows[j][m.ordinal()]);
                t.append(' ').append(j == best ? "**" + v + "**" : v).append(" |");
            }
            int peer = judged.bestPeer(m);
            t.append(' ')
                    .append(Targets.ratio(rows[0][m.ordinal()], judged.reference(m)))
                    .append(" | ");
            t.append(
                    peer < 0
                            ? "n/a"
                            : Targets.ratio(rows[0][m.ordinal()], rows[peer][m.ordinal()]) + " (" + names.get(peer)
                                    + ")");
            t.append(" |");
            List<Targets.Verdict> verdicts = judged.verdicts(m);
            for (int i = 0; i < verdicts.size(); i++) {
                t.append(i == 0 ? " " : "; ")
                        .append(verdicts.get(i).target())
                        .append(": ")
                        .append(verdicts.get(i).mark());
            }
            t.append(" |\n");
        }
        return t.toString();
    }

    private static int bestOf(double[][] rows, Metric m) {
        int best = -1;
        for (int j = 0; j < rows.length; j++) {
            double v = rows[j][m.ordinal()];
            if (!Double.isNaN(v)
                    && (best < 0 || (m.lowerIsBetter ? v < rows[best][m.ordinal()] : v > rows[best][m.ordinal()]))) {
                best = j;
            }
        }
        return best;
    }

    static String format(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (m == Metric.COLD_START) {
            return String.format(Locale.ROOT, "%+.0f", v);
        }
        if (m.label.endsWith("msg/s") || m.label.endsWith(", B")) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.0f", v);
    }

    /**
     * Every figure for every target. Each measurement visits the targets in turn, round after round,
     * so that no server is measured only while it is hot and a slow phase of the machine hits all alike.
     * {@code -Dbench.only=cycle|throughput|heap|big|cold} runs one group (the others show n/a).
     */
    private static double[][] measure(List<Supplier<Target>> targets, List<String> names) throws Exception {
        int k = targets.size();
        double[][] rows = new double[k][Metric.values().length];
        for (double[] row : rows) {
            Arrays.fill(row, Double.NaN);
        }
        String only = System.getProperty("bench.only", "");
        if (only.isEmpty() || only.equals("cycle")) {
            System.err.println("per-test cycles ...");
            double[][] cycle = interleaved(targets, QUICK ? 30 : 300, QUICK ? 100 : 1000, BenchmarkMain::cycle);
            column(rows, Metric.CYCLE, cycle[0]);
            column(rows, Metric.CYCLE_SEND, cycle[1]);
            column(rows, Metric.CYCLE_START, cycle[2]);
            column(rows, Metric.CYCLE_STOP, cycle[3]);
            System.err.println("start+stop ...");
            column(
                    rows,
                    Metric.START_STOP,
                    interleaved(targets, QUICK ? 30 : 300, QUICK ? 100 : 1000, t -> {
                        long t0 = System.nanoTime();
                        t.start();
                        t.close();
                        return new double[] {(System.nanoTime() - t0) / 1e6};
                    })[0]);
        }
        if (only.isEmpty() || only.equals("throughput")) {
            System.err.println("throughput ...");
            column(rows, Metric.NEW_CONNECTION, rounds(targets, ROUNDS, BenchmarkMain::newConnections));
            column(rows, Metric.ONE_CONNECTION, rounds(targets, ROUNDS, f -> throughput(f, 1)));
            column(rows, Metric.EIGHT_CONNECTIONS, rounds(targets, ROUNDS, f -> throughput(f, 8)));
            column(rows, Metric.JAKARTA_ONE, rounds(targets, 1, f -> JakartaLoad.throughput(f, 1)));
            column(rows, Metric.JAKARTA_EIGHT, rounds(targets, 1, f -> JakartaLoad.throughput(f, 8)));
        }
        if (only.isEmpty() || only.equals("heap")) {
            System.err.println("heap ...");
            for (int j = 0; j < k; j++) {
                double[] heap = retainedAndAllocated(targets.get(j));
                rows[j][Metric.RETAINED.ordinal()] = heap[0];
                rows[j][Metric.ALLOCATED.ordinal()] = heap[1];
            }
        }
        if (only.isEmpty() || only.equals("big")) {
            System.err.println("25 MB message ...");
            double[][] heaps = new double[k][ROUNDS];
            int[] round = new int[k];
            column(rows, Metric.BIG_TIME, rounds(targets, ROUNDS, f -> {
                int j = targets.indexOf(f);
                double[] big = bigMessage(f);
                heaps[j][round[j]++] = big[1] / (1 << 20);
                return big[0];
            }));
            for (int j = 0; j < k; j++) {
                rows[j][Metric.BIG_HEAP.ordinal()] = median(heaps[j]);
            }
        }
        if (only.isEmpty() || only.equals("cold")) {
            System.err.println("cold start ...");
            column(rows, Metric.COLD_START, coldStart(names));
        }
        return rows;
    }

    private static void column(double[][] rows, Metric m, double[] values) {
        for (int j = 0; j < rows.length; j++) {
            rows[j][m.ordinal()] = values[j];
        }
    }

    /** A timed step: its segments in milliseconds. */
    interface TargetStep {
        double[] run(Target t) throws Exception;
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
     * Median milliseconds of each segment of a step per target, the targets taking turns round-robin,
     * each step followed by {@link #IDLE_NANOS} of idle time (what a test's own work costs); after a
     * warm-up, and bounded in count and time. Returns medians indexed by segment, then target.
     */
    private static double[][] interleaved(List<Supplier<Target>> factories, int warmup, int rounds, TargetStep step)
            throws Exception {
        int k = factories.size();
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int i = 0; i < warmup && System.nanoTime() < warmEnd; i++) {
            for (Supplier<Target> f : factories) {
                step.run(f.get());
                idle();
            }
        }
        double[][][] ms = new double[k][rounds][];
        int n = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (n < rounds && (n < Math.min(20, rounds) || System.nanoTime() < end)) {
            for (int j = 0; j < k; j++) {
                ms[j][n] = step.run(factories.get(j).get());
                idle();
            }
            n++;
        }
        int segments = ms[0][0].length;
        double[][] medians = new double[segments][k];
        for (int s = 0; s < segments; s++) {
            for (int j = 0; j < k; j++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = ms[j][i][s];
                }
                medians[s][j] = median(v);
            }
        }
        return medians;
    }

    private static void idle() {
        LockSupport.parkNanos(IDLE_NANOS);
    }

    /**
     * What a test pays for: start, send one 1 KB message, see it stored, stop.
     *
     * @return milliseconds: the whole cycle, sending (connect to seen), start, stop
     */
    private static double[] cycle(Target t) throws Exception {
        long t0 = System.nanoTime();
        t.start();
        long t1 = System.nanoTime();
        long t2;
        try {
            try (LoadClient c = new LoadClient(t.port())) {
                c.send(ONE_KB);
                c.quit();
            }
            // after QUIT: Dumbster hands out its list only once the session is over
            awaitStored(t, 1);
        } finally {
            t2 = System.nanoTime();
            t.close();
        }
        long t3 = System.nanoTime();
        return new double[] {(t3 - t0) / 1e6, (t2 - t1) / 1e6, (t1 - t0) / 1e6, (t3 - t2) / 1e6};
    }

    /**
     * Messages per second with a new connection for every message (connect, EHLO, one 1 KB
     * message, QUIT), 8 clients at once: what Postfix's {@code smtp-source -s 8 -l 1024} does.
     */
    private static double newConnections(Supplier<Target> factory) throws Exception {
        int each = NEW_CONNECTION_MESSAGES / 8;
        try (Target t = factory.get()) {
            t.start();
            return rate(t, 8, each, 120, () -> {
                for (int i = 0; i < each; i++) {
                    try (LoadClient client = new LoadClient(t.port())) {
                        client.send(ONE_KB);
                        client.quit();
                    }
                }
            });
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
            long allocated;
            try (LoadClient client = new LoadClient(t.port())) {
                long allocBefore = allocatedByAllThreads() - allocatedByThisThread();
                for (int i = 0; i < MESSAGES; i++) {
                    client.send(ONE_KB);
                }
                // read before QUIT: servers with a thread per connection lose its count when it ends
                allocated = allocatedByAllThreads() - allocatedByThisThread() - allocBefore;
                client.quit();
            }
            awaitStored(t, MESSAGES);
            long after = usedAfterGc();
            if (t instanceof SmtpUnitTarget s) {
                s.server().transcript().clear();
                long withoutTranscript = usedAfterGc();
                System.err.printf(
                        Locale.ROOT,
                        "  SmtpUnit: mailbox alone %.2f KB/msg, transcript %.2f KB/msg%n",
                        (withoutTranscript - before) / 1024.0 / MESSAGES,
                        (after - withoutTranscript) / 1024.0 / MESSAGES);
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
                long peak = pools.stream()
                        .mapToLong(p -> p.getPeakUsage().getUsed())
                        .sum();
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
        Process p = new ProcessBuilder(java, "-cp", cp, ColdStart.class.getName(), mode)
                .inheritIO()
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("cold-start JVM failed");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
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

    /** What the client (this thread) allocated, so that only the server's allocation is counted. */
    private static long allocatedByThisThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return mx.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
