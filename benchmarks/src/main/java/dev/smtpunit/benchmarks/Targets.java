package dev.smtpunit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issue 23, judged against the limit reference and the peers of the same run.
 * SmtpUnit is the first server, the limit reference the last, the peers those in between.
 */
final class Targets {
    private final List<String> names;
    private final double[][] rows;

    /**
     * @param names the servers' names; SmtpUnit first, the limit reference last
     * @param rows their figures, indexed by server and {@link Metric#ordinal()}
     */
    Targets(List<String> names, double[][] rows) {
        this.names = names;
        this.rows = rows;
    }

    private double us(Metric m) {
        return rows[0][m.ordinal()];
    }

    double reference(Metric m) {
        return rows[rows.length - 1][m.ordinal()];
    }

    private double peer(String name, Metric m) {
        int i = names.indexOf(name);
        return i < 0 ? Double.NaN : rows[i][m.ordinal()];
    }

    /** {@return the index of the best peer for the metric (neither SmtpUnit nor the reference), or -1} */
    int bestPeer(Metric m) {
        int best = -1;
        for (int i = 1; i < rows.length - 1; i++) {
            double v = rows[i][m.ordinal()];
            if (!Double.isNaN(v)
                    && (best < 0 || (m.lowerIsBetter ? v < rows[best][m.ordinal()] : v > rows[best][m.ordinal()]))) {
                best = i;
            }
        }
        return best;
    }

    /** One target: what it asks and whether this run meets it. */
    record Verdict(String target, Boolean met) {
        String mark() {
            return met == null ? "n/a" : met ? "met" : "**MISSED**";
        }
    }

    /**
     * @param m a metric
     * @return its targets (none for a metric without one), each met, missed or n/a
     */
    List<Verdict> verdicts(Metric m) {
        List<Verdict> out = new ArrayList<>();
        switch (m) {
            case CYCLE -> {
                out.add(atMost("\u2264 Dumbster's", us(m), peer("Dumbster", m), 1.0));
                out.add(atMost("\u2264 1.2\u00d7 reference", us(m), reference(m), 1.2));
            }
            case NEW_CONNECTION -> out.add(atLeastBestPeer("\u2265 every peer", m));
            case EIGHT_CONNECTIONS -> {
                out.add(atLeast("\u2265 0.8\u00d7 reference", us(m), reference(m), 0.8));
                out.add(atLeastBestPeer("\u2265 every peer", m));
            }
            case JAKARTA_EIGHT -> out.add(atLeastBestPeer("\u2265 every peer", m));
            case ALLOCATED -> out.add(atMost("\u2264 4\u00d7 reference", us(m), reference(m), 4.0));
            case RETAINED -> out.add(atMost("\u2264 1.2\u00d7 reference", us(m), reference(m), 1.2));
            case COLD_START -> {
                out.add(atMost("\u2264 Wiser's", us(m), peer("Wiser", m), 1.0));
                double ref = reference(m);
                out.add(new Verdict(
                        "stretch: \u2264 reference + 60 ms",
                        Double.isNaN(us(m)) || Double.isNaN(ref) ? null : us(m) <= ref + 60));
            }
            case BIG_TIME -> out.add(atMost("\u2264 3\u00d7 reference", us(m), reference(m), 3.0));
            case BIG_HEAP -> out.add(atMost("\u2264 1.2\u00d7 reference", us(m), reference(m), 1.2));
            default -> {
                // a figure to read, without a target of its own
            }
        }
        return out;
    }

    private Verdict atLeastBestPeer(String target, Metric m) {
        int best = bestPeer(m);
        return atLeast(target, us(m), best < 0 ? Double.NaN : rows[best][m.ordinal()], 1.0);
    }

    private static Verdict atMost(String target, double ours, double theirs, double factor) {
        return new Verdict(target, Double.isNaN(ours) || Double.isNaN(theirs) ? null : ours <= factor * theirs);
    }

    private static Verdict atLeast(String target, double ours, double theirs, double factor) {
        return new Verdict(target, Double.isNaN(ours) || Double.isNaN(theirs) ? null : ours >= factor * theirs);
    }

    /**
     * {@return the targets as a Markdown list, one a line, with the ratios they were judged on}
     */
    String summary() {
        StringBuilder out = new StringBuilder("Targets (SmtpUnit against the same run):\n");
        int met = 0;
        int missed = 0;
        for (Metric m : Metric.values()) {
            for (Verdict v : verdicts(m)) {
                out.append(String.format(
                        Locale.ROOT,
                        "- %s %s: %s (SmtpUnit %s, %s \u00d7 reference, %s \u00d7 best peer)%n",
                        m.label,
                        v.target(),
                        v.mark(),
                        BenchmarkMain.format(m, us(m)),
                        ratio(us(m), reference(m)),
                        bestPeer(m) < 0 ? "n/a" : ratio(us(m), rows[bestPeer(m)][m.ordinal()])));
                if (v.met() != null) {
                    if (v.met()) {
                        met++;
                    } else {
                        missed++;
                    }
                }
            }
        }
        out.append(met).append(" met, ").append(missed).append(" missed\n");
        return out.toString();
    }

    static String ratio(double ours, double theirs) {
        return Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0
                ? "n/a"
                : String.format(Locale.ROOT, "%.2f", ours / theirs);
    }
}
