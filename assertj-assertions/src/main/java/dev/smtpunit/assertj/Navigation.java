package dev.smtpunit.assertj;

import dev.smtpunit.MailLink;
import dev.smtpunit.Mailbox;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import dev.smtpunit.Transcript;

import java.util.List;

/**
 * How an assertion hands over to the next one (a mailbox to a message, a server to its transcript)
 * and where its failures go. Plain assertions create plain objects and throw; inside
 * {@link SmtpSoftAssertions} every object in a chain is a soft proxy of the same collector and a
 * failed navigation is collected instead of thrown, so the chain stays soft to its end.
 */
final class Navigation {
    static final Navigation HARD = new Navigation(null);

    private final SmtpSoftAssertions softly;

    Navigation(SmtpSoftAssertions softly) {
        this.softly = softly;
    }

    /** Throws the failure, or collects it when soft. */
    void fail(AssertionError error) {
        if (softly == null) {
            throw error;
        }
        softly.collectAssertionError(error);
    }

    MailboxAssert mailbox(Mailbox mailbox) {
        MailboxAssert a =
                softly == null ? new MailboxAssert(mailbox) : softly.proxy(MailboxAssert.class, Mailbox.class, mailbox);
        a.navigation = this;
        return a;
    }

    TranscriptAssert transcript(Transcript transcript) {
        TranscriptAssert a = softly == null
                ? new TranscriptAssert(transcript)
                : softly.proxy(TranscriptAssert.class, Transcript.class, transcript);
        a.navigation = this;
        return a;
    }

    SmtpServerAssert server(MockSmtpServer server) {
        SmtpServerAssert a = softly == null
                ? new SmtpServerAssert(server)
                : softly.proxy(SmtpServerAssert.class, MockSmtpServer.class, server);
        a.navigation = this;
        return a;
    }

    ReceivedMessageAssert message(ReceivedMessage message, Selection selection) {
        ReceivedMessageAssert a = softly == null
                ? new ReceivedMessageAssert(message)
                : softly.proxy(ReceivedMessageAssert.class, ReceivedMessage.class, message);
        a.navigation = this;
        a.selection = selection;
        return a;
    }

    /** @param link the link, or null after a failed navigation (soft assertions only) */
    LinkAssert link(MailLink link) {
        LinkAssert a = softly == null ? new LinkAssert(link) : softly.proxy(LinkAssert.class, MailLink.class, link);
        a.skipped = link == null;
        return a;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    LinksAssert links(List<MailLink> links) {
        return softly == null
                ? new LinksAssert(links)
                : (LinksAssert) softly.proxy((Class) LinksAssert.class, List.class, links);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    MessagesAssert messages(List<ReceivedMessage> messages) {
        return softly == null
                ? new MessagesAssert(messages)
                : (MessagesAssert) softly.proxy((Class) MessagesAssert.class, List.class, messages);
    }
}
