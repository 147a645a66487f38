package dev.smtpunit.internal.lint;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.ParseException;
import org.apache.james.mime4j.field.address.TokenMgrError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Address parsing on mime4j's strict RFC 5322 parser. */
final class Addresses {
    /** Parsed lists; an unparsable one maps to an empty Optional. */
    private static final FieldCache<Optional<List<Mailbox>>> LISTS =
            new FieldCache<>(v -> Optional.ofNullable(parse(v)));

    private Addresses() {}

    /** {@return the mailboxes, or null when the list does not parse} */
    static List<Mailbox> mailboxes(String value) {
        return LISTS.get(value).orElse(null);
    }

    private static List<Mailbox> parse(String value) {
        try {
            AddressList list = DefaultAddressParser.DEFAULT.parseAddressList(value, DecodeMonitor.STRICT);
            List<Mailbox> out = new ArrayList<>();
            for (Address a : list) {
                if (a instanceof Mailbox m) {
                    out.add(m);
                } else if (a instanceof Group g) {
                    g.getMailboxes().forEach(out::add);
                }
            }
            return List.copyOf(out);
        } catch (ParseException | TokenMgrError | IllegalArgumentException e) {
            return null;
        }
    }

    static int mailboxCount(String value) {
        List<Mailbox> m = mailboxes(value);
        return m == null ? 0 : m.size();
    }

    /** {@return the domain of the first mailbox, lower case, or null} */
    static String firstDomain(String value) {
        List<Mailbox> m = mailboxes(value);
        return m == null || m.isEmpty() || m.get(0).getDomain() == null
                ? null
                : m.get(0).getDomain().toLowerCase(Locale.ROOT);
    }
}
