package dev.smtpunit.internal.lint;

import dev.smtpunit.internal.html.CanIEmailData;
import dev.smtpunit.internal.html.CanIEmailData.Feature;
import dev.smtpunit.internal.html.CanIEmailData.VersionSupport;
import dev.smtpunit.internal.html.HtmlFeatures;
import dev.smtpunit.lint.ClientScore;
import dev.smtpunit.lint.EmailClients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * caniemail's support tables against the HTML parts: each feature used that a chosen client does not
 * support (an error) or supports only partly (a warning, when full support is required), judged by
 * each client's newest tested version.
 */
public final class HtmlCompatibilityRules implements LintRule {
    private final EmailClients clients;

    HtmlCompatibilityRules(EmailClients clients) {
        this.clients = clients;
    }

    @Override
    public void check(LintContext c) {
        HtmlParts parts = c.htmlParts();
        CanIEmailData data = CanIEmailData.get();
        String source = "caniemail (" + data.updated.substring(0, 10) + ")";
        if (parts.amp) {
            report(c, data.features.get("amp"), "a text/x-amp-html part", "", 0, source);
        }
        for (HtmlParts.TextPart text : parts.texts) {
            if (!text.html()) {
                continue;
            }
            HeaderField ct = text.part().entity.first("Content-Type");
            int at = ct == null ? text.part().entity.start() : ct.start();
            for (Map.Entry<String, String> used :
                    HtmlFeatures.detect(text.tokens(), parts::cidType).entrySet()) {
                Feature feature = data.features.get(used.getKey());
                if (feature != null) {
                    report(c, feature, used.getValue(), text.part().path, at, source);
                }
            }
        }
    }

    private void report(LintContext c, Feature feature, String evidence, String part, int offset, String source) {
        List<String> unsupported = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        CanIEmailData data = CanIEmailData.get();
        for (String client : clients.clients()) {
            List<VersionSupport> versions = feature.stats().get(client);
            if (versions == null || versions.isEmpty()) {
                continue;
            }
            VersionSupport latest = versions.get(versions.size() - 1);
            boolean bad = latest.support() == 'n'
                    || (latest.support() == 'a' && clients.minimum() == EmailClients.Support.FULL);
            if (!bad) {
                continue;
            }
            String described = data.clientName(client) + " " + versionRun(versions)
                    + (latest.notes().isEmpty() ? "" : " #" + String.join(" #", latest.notes()));
            notes.addAll(latest.notes());
            (latest.support() == 'n' ? unsupported : partial).add(described);
        }
        if (unsupported.isEmpty() && partial.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder(feature.title())
                .append(" (")
                .append(feature.slug())
                .append(") is ");
        if (!unsupported.isEmpty()) {
            m.append("not supported by ").append(String.join(", ", unsupported));
        }
        if (!partial.isEmpty()) {
            m.append(unsupported.isEmpty() ? "" : "; ")
                    .append("partially supported by ")
                    .append(String.join(", ", partial));
        }
        if (!notes.isEmpty()) {
            List<String> texts = new ArrayList<>();
            for (String n : notes) {
                texts.add("#" + n + ": " + feature.notes().getOrDefault(n, ""));
            }
            m.append(" (").append(String.join(" ", texts)).append(")");
        }
        m.append("; used: ").append(evidence).append("; ").append(feature.url());
        String ruleId = "html.compat." + feature.slug();
        if (unsupported.isEmpty()) {
            c.warning(ruleId, source, m.toString(), "", part, offset);
        } else {
            c.error(ruleId, source, m.toString(), "", part, offset);
        }
    }

    /** The newest version, or "first–last" when the versions before it have the same support. */
    private static String versionRun(List<VersionSupport> versions) {
        VersionSupport latest = versions.get(versions.size() - 1);
        int first = versions.size() - 1;
        while (first > 0 && versions.get(first - 1).support() == latest.support()) {
            first--;
        }
        return first == versions.size() - 1
                ? latest.version()
                : versions.get(first).version() + "\u2013" + latest.version();
    }

    /**
     * @param content the message content
     * @param clients the chosen clients
     * @return one score per family among the chosen clients that has data on a feature found
     */
    public static List<ClientScore> scores(byte[] content, EmailClients clients) {
        LintContext c = new LintContext(content, null, null);
        HtmlParts parts = c.htmlParts();
        Set<String> used = new LinkedHashSet<>();
        for (HtmlParts.TextPart text : parts.texts) {
            if (text.html()) {
                used.addAll(HtmlFeatures.detect(text.tokens(), parts::cidType).keySet());
            }
        }
        if (parts.amp) {
            used.add("amp");
        }
        CanIEmailData data = CanIEmailData.get();
        Map<String, int[]> counts = new LinkedHashMap<>(); // family -> {y, a, n, features}
        for (String slug : used) {
            Feature feature = data.features.get(slug);
            if (feature == null) {
                continue;
            }
            Set<String> familiesCounted = new LinkedHashSet<>();
            for (String client : clients.clients()) {
                List<VersionSupport> versions = feature.stats().get(client);
                if (versions == null || versions.isEmpty()) {
                    continue;
                }
                String family = client.substring(0, client.indexOf('.'));
                int[] n = counts.computeIfAbsent(family, k -> new int[4]);
                char s = versions.get(versions.size() - 1).support();
                int index = s == 'y' ? 0 : s == 'a' ? 1 : s == 'n' ? 2 : -1;
                if (index >= 0) {
                    n[index]++;
                }
                if (familiesCounted.add(family)) {
                    n[3]++;
                }
            }
        }
        List<ClientScore> out = new ArrayList<>();
        counts.forEach((family, n) -> {
            double total = n[0] + n[1] + n[2];
            if (total > 0) {
                out.add(new ClientScore(
                        family,
                        data.families.getOrDefault(family, family),
                        100 * n[0] / total,
                        100 * n[1] / total,
                        100 * n[2] / total,
                        n[3]));
            }
        });
        return List.copyOf(out);
    }
}
