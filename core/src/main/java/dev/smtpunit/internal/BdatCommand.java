package dev.smtpunit.internal;

import java.util.Locale;

/**
 * One {@code BDAT chunk-size [LAST]} command (RFC 3030 section 2) and the octets of its chunk still
 * to be read. The chunk is read whatever the verdict on the command: a refused chunk is read and
 * dropped, so that its octets are never taken for commands.
 *
 * @param line the command line as received
 * @param shown the line as the transcript shows it
 * @param size the chunk-size, in octets
 * @param last whether {@code LAST} was given
 * @param pipelined whether the command came before the previous reply went out
 * @param refusal the reply refusing the chunk once read, or null
 * @param number the chunk's number in its transaction (0 when refused)
 */
record BdatCommand(
        String line,
        String shown,
        long size,
        boolean last,
        boolean pipelined,
        SessionPolicy.Refusal refusal,
        int number) {

    /**
     * @param line a command line starting with BDAT
     * @return the chunk size and LAST, or null when the line is not {@code BDAT SP 1*DIGIT [SP "LAST"]}
     */
    static long[] parse(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length < 2 || parts.length > 3 || parts[1].isEmpty() || parts[1].length() > 18) {
            return null;
        }
        for (int i = 0; i < parts[1].length(); i++) {
            if (parts[1].charAt(i) < '0' || parts[1].charAt(i) > '9') {
                return null;
            }
        }
        if (parts.length == 3 && !parts[2].toUpperCase(Locale.ROOT).equals("LAST")) {
            return null;
        }
        return new long[] {Long.parseLong(parts[1]), parts.length == 3 ? 1 : 0};
    }
}
