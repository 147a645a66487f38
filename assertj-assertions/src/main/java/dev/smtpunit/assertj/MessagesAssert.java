package dev.smtpunit.assertj;

import dev.smtpunit.ReceivedMessage;
import org.assertj.core.api.AbstractListAssert;

import java.util.ArrayList;
import java.util.List;

/**
 * AssertJ's list assertions on a snapshot of a mailbox, whose navigation ({@code first()},
 * {@code last()}, {@code element(i)}, {@code singleElement()}) leads to {@link ReceivedMessageAssert}.
 *
 * <pre>{@code
 * assertThat(smtp.mailbox()).messages().hasSize(2).first().hasSubject("Welcome, Ada");
 * assertThat(smtp.mailbox()).messages().extracting(ReceivedMessage::subject).containsExactly("A", "B");
 * }</pre>
 */
public class MessagesAssert
        extends AbstractListAssert<MessagesAssert, List<ReceivedMessage>, ReceivedMessage, ReceivedMessageAssert> {

    /**
     * Creates the assertions; tests reach them with {@code assertThat(mailbox).messages()}.
     *
     * @param actual the messages under test
     */
    public MessagesAssert(List<ReceivedMessage> actual) {
        super(actual, MessagesAssert.class);
    }

    /**
     * Public, as in AssertJ's own navigable lists, so that soft assertions proxy what it returns.
     *
     * @param value an element
     * @param description the navigation description
     * @return assertions on the element
     */
    @Override
    public ReceivedMessageAssert toAssert(ReceivedMessage value, String description) {
        return new ReceivedMessageAssert(value).as(description);
    }

    @Override
    protected MessagesAssert newAbstractIterableAssert(Iterable<? extends ReceivedMessage> iterable) {
        List<ReceivedMessage> list = new ArrayList<>();
        iterable.forEach(list::add);
        return new MessagesAssert(List.copyOf(list));
    }
}
