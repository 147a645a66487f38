package dev.smtpunit.benchmarks;

import java.util.List;
import java.util.Locale;

/** The targets of issue 10, as ratios to the limit reference and the peers measured in the same run. */
final class Targets {
    private static final int CYCLE = 0;
    private static final int EIGHT = 3;
    private static final int JAKARTA_EIGHT = 5;
    private static final int RETAINED = 6;
    private static final int ALLOCATED = 7;
    private static final int BIG_TIME = 8;
    private static final int BIG_HEAP = 9;
    private static final int COLD = 10;

    private Targets() {}

    /**
     * Returns a Markdown list, one target a line, each met or missed.
     *
     * @param names the targets' names; SmtpUnit first, the limit reference last
     * @param rows their figures, in the table's columns
     * @return a Markdown list, one target a line, each met or missed
     */
    static String report(List<String> names, double[][] rows) {
        double[] us = rows[0];
        double[] sink = rows[rows.length - 1];
        double[] dumbster = row(names, rows, "Dumbster");
        double[] wiser = row(names, rows, "Wiser");
        StringBuilder out = new StringBuilder("Targets (SmtpUnit against the same run):\n");
        ratio(out, "per-test cycle <= Dumbster's", us[CYCLE], dumbster[CYCLE], 1.0, true);
        ratio(out, "per-test cycle <= 1.2x the sink's", us[CYCLE], sink[CYCLE], 1.2, true);
        ratio(out, "cold start <= Wiser's", us[COLD], wiser[COLD], 1.0, true);
        difference(out, "cold start <= the sink's + 60 ms (stretch)", us[COLD], sink[COLD], 60);
        ratio(out, "8-connection msg/s >= 0.8x the sink's", us[EIGHT], sink[EIGHT], 0.8, false);
        ratio(out, "8-connection msg/s above every peer", us[EIGHT], bestPeer(rows, EIGHT), 1.0, false);
        ratio(out, "Jakarta Mail, 8 connections, above every peer", us[JAKARTA_EIGHT], bestPeer(rows, JAKARTA_EIGHT), 1.0, false);
        ratio(out, "retained heap per 1 KB message <= 1.2x the sink's", us[RETAINED], sink[RETAINED], 1.2, true);
        ratio(out, "allocation per message <= 4x the sink's", us[ALLOCATED], sink[ALLOCATED], 4.0, true);
        ratio(out, "25 MB message time <= 3x the sink's", us[BIG_TIME], sink[BIG_TIME], 3.0, true);
        ratio(out, "25 MB message heap <= 1.2x the sink's", us[BIG_HEAP], sink[BIG_HEAP], 1.2, true);
        return out.toString();
    }

    private static double[] row(List<String> names, double[][] rows, String name) {
        int i = names.indexOf(name);
        if (i >= 0) {
            return rows[i];
        }
        double[] none = new double[rows[0].length];
        java.util.Arrays.fill(none, Double.NaN);
        return none;
    }

    /** The best peer's figure (higher is better), neither SmtpUnit nor the sink. */
    private static double bestPeer(double[][] rows, int column) {
        double best = Double.NaN;
        for (int i = 1; i < rows.length - 1; i++) {
            if (!Double.isNaN(rows[i][column]) && (Double.isNaN(best) || rows[i][column] > best)) {
                best = rows[i][column];
            }
        }
        return best;
    }

    private static void ratio(StringBuilder out, String target, double ours, double theirs, double limit, boolean lowerIsBetter) {
        if (Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0) {
            out.append("- ").append(target).append(": n/a\n");
            return;
        }
        double r = ours / theirs;
        boolean met = lowerIsBetter ? r <= limit : r >= limit;
        out.append(String.format(Locale.ROOT, "- %s: %.2fx -> %s%n", target, r, met ? "met" : "MISSED"));
    }

    private static void difference(StringBuilder out, String target, double ours, double theirs, double limit) {
        if (Double.isNaN(ours) || Double.isNaN(theirs)) {
            out.append("- ").append(target).append(": n/a\n");
            return;
        }
        double d = ours - theirs;
        out.append(String.format(Locale.ROOT, "- %s: %+.0f ms -> %s%n", target, d, d <= limit ? "met" : "MISSED"));
    }
}
