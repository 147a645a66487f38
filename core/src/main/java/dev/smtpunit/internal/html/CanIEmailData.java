package dev.smtpunit.internal.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * caniemail's support tables (MIT, the npm package {@code caniemail}), read once from the resource
 * {@code caniemail.tsv} beside this class that {@code core/scripts/update-caniemail.sh} generates.
 * No network: the data is the one shipped in the jar.
 */
public final class CanIEmailData {
    /**
     * The support of one client version.
     *
     * @param version the version as caniemail names it, such as {@code 2019} or {@code 2023-09}
     * @param support {@code y}, {@code a} (partial), {@code n} or {@code u} (unknown)
     * @param notes the note numbers attached
     */
    public record VersionSupport(String version, char support, List<String> notes) {}

    /**
     * One feature.
     *
     * @param slug caniemail's id, such as {@code css-display-flex}
     * @param category html, css, image or others
     * @param title the title, such as {@code display:flex}
     * @param url the page on caniemail
     * @param stats client key ({@code family.platform}) to its tested versions, oldest first
     * @param notes note number to text
     * @param generalNote the feature's general note, or empty
     */
    public record Feature(
            String slug,
            String category,
            String title,
            String url,
            Map<String, List<VersionSupport>> stats,
            Map<String, String> notes,
            String generalNote) {}

    private static final CanIEmailData INSTANCE = load();

    /** The data's update date, as the package states it. */
    public final String updated;
    /** The version line of the resource. */
    public final String source;
    /** Family id to name, such as {@code outlook} to {@code Outlook}. */
    public final Map<String, String> families;
    /** Platform id to name, such as {@code windows} to {@code Windows}. */
    public final Map<String, String> platforms;
    /** Every client key ({@code family.platform}) that appears in the tables, in order of first appearance. */
    public final Set<String> clients;
    /** The features by id, in the package's order. */
    public final Map<String, Feature> features;

    private CanIEmailData(
            String source,
            String updated,
            Map<String, String> families,
            Map<String, String> platforms,
            Set<String> clients,
            Map<String, Feature> features) {
        this.source = source;
        this.updated = updated;
        this.families = Collections.unmodifiableMap(families);
        this.platforms = Collections.unmodifiableMap(platforms);
        this.clients = Collections.unmodifiableSet(clients);
        this.features = Collections.unmodifiableMap(features);
    }

    /** {@return the shipped data} */
    public static CanIEmailData get() {
        return INSTANCE;
    }

    /**
     * @param client a client key such as {@code outlook.windows}
     * @return its name, such as {@code Outlook Windows}
     */
    public String clientName(String client) {
        int dot = client.indexOf('.');
        String family = client.substring(0, dot);
        String platform = client.substring(dot + 1);
        return families.getOrDefault(family, family) + " " + platforms.getOrDefault(platform, platform);
    }

    private static CanIEmailData load() {
        try (InputStream in = CanIEmailData.class.getResourceAsStream("caniemail.tsv")) {
            if (in == null) {
                throw new IllegalStateException("caniemail.tsv is missing from the smtpunit-core jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String source = "";
            String updated = "";
            Map<String, String> families = new LinkedHashMap<>();
            Map<String, String> platforms = new LinkedHashMap<>();
            Set<String> clients = new LinkedHashSet<>();
            Map<String, Feature> features = new LinkedHashMap<>();
            String[] current = null;
            Map<String, List<VersionSupport>> stats = null;
            Map<String, String> notes = null;
            String general = "";
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    if (source.isEmpty()) {
                        source = line.substring(1).strip();
                    }
                    continue;
                }
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "D" -> updated = f[1];
                    case "M" -> families.put(f[1], f[2]);
                    case "P" -> platforms.put(f[1], f[2]);
                    case "F" -> {
                        if (current != null) {
                            features.put(current[1], feature(current, stats, notes, general));
                        }
                        current = f;
                        stats = new LinkedHashMap<>();
                        notes = new LinkedHashMap<>();
                        general = "";
                    }
                    case "S" -> {
                        String client = f[1] + "." + f[2];
                        clients.add(client);
                        List<VersionSupport> versions = new ArrayList<>();
                        for (String cell : f[3].split(" ")) {
                            int eq = cell.lastIndexOf('=');
                            String rest = cell.substring(eq + 1);
                            int colon = rest.indexOf(':');
                            List<String> ns = colon < 0
                                    ? List.of()
                                    : List.of(rest.substring(colon + 1).split(","));
                            versions.add(
                                    new VersionSupport(cell.substring(0, eq).replace('_', ' '), rest.charAt(0), ns));
                        }
                        stats.put(client, List.copyOf(versions));
                    }
                    case "N" -> notes.put(f[1], f[2]);
                    case "G" -> general = f[1];
                    default -> throw new IllegalStateException("caniemail.tsv: unknown line " + line);
                }
            }
            if (current != null) {
                features.put(current[1], feature(current, stats, notes, general));
            }
            return new CanIEmailData(source, updated, families, platforms, clients, features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Feature feature(
            String[] f, Map<String, List<VersionSupport>> stats, Map<String, String> notes, String general) {
        return new Feature(
                f[1],
                f[2],
                f[3],
                f[4],
                Collections.unmodifiableMap(stats),
                Collections.unmodifiableMap(notes),
                general);
    }
}
