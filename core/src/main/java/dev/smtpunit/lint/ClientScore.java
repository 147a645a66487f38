package dev.smtpunit.lint;

/**
 * How well one client family supports the HTML features a message uses, like Mailpit's HTML check:
 * over every feature found and every chosen client of the family (newest tested version), the share
 * caniemail marks supported, partially supported and not supported (unknown entries are left out).
 *
 * @param family caniemail's family id, such as {@code outlook}
 * @param name its name, such as {@code Outlook}
 * @param supported the percentage supported, 0 to 100
 * @param partial the percentage partially supported
 * @param unsupported the percentage not supported
 * @param features how many of the features found caniemail has data on for this family
 */
public record ClientScore(
        String family, String name, double supported, double partial, double unsupported, int features) {
    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "%s: %.1f%% supported, %.1f%% partial, %.1f%% not supported (%d features)",
                name,
                supported,
                partial,
                unsupported,
                features);
    }
}
