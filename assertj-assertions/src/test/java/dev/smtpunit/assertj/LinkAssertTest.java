package dev.smtpunit.assertj;

import com.sun.net.httpserver.HttpServer;
import dev.smtpunit.LinkCheck;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.smtpunit.assertj.SmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Link assertions on real mail: follow the confirmation link in one line; exact failure messages; live check. */
class LinkAssertTest {
    private static MockSmtpServer smtp;
    private static HttpServer app;
    private static final AtomicInteger CONFIRMED = new AtomicInteger();
    private static ReceivedMessage mail;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/confirm", exchange -> {
            CONFIRMED.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        app.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        app.start();
        base = "http://127.0.0.1:" + app.getAddress().getPort();
        smtp = new MockSmtpServer().start();
        MimeMessage m = new MimeMessage(Session.getInstance(smtp.properties()));
        m.setFrom(new InternetAddress("app@shop.example"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com"));
        m.setSubject("Confirm your address");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(
                "<p><a href=\"" + base + "/confirm?token=t-42\">Confirm your address</a></p>" + "<p><a href=\"" + base
                        + "/gone\">Old page</a> <a href=\"https://shop.example/help\">Help</a></p>",
                "text/html; charset=UTF-8");
        m.setContent(new MimeMultipart("alternative", html));
        Transport.send(m);
        mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
    }

    @AfterAll
    static void stop() {
        smtp.close();
        app.stop(0);
    }

    @Test
    void theConfirmationTokenIsOneLine() {
        String token = assertThat(mail)
                .hasLink("/confirm\\?")
                .hasText("Confirm your address")
                .queryParameter("token");
        org.assertj.core.api.Assertions.assertThat(token).isEqualTo("t-42");
    }

    @Test
    void aMissingLinkListsTheLinksThereAre() {
        assertThatThrownBy(() -> assertThat(mail).hasLink("/reset"))
                .hasMessage(String.format("%nExpecting message:%n"
                        + "  Subject: \"Confirm your address\", envelope from=<app@shop.example> to=[ada@example.com], "
                        + mail.size() + " bytes%n"
                        + "to have a link matching:%n  /reset%nbut its 3 links are:%n"
                        + "  " + base + "/confirm?token=t-42 \"Confirm your address\" (part 1, text/html)%n"
                        + "  " + base + "/gone \"Old page\" (part 1, text/html)%n"
                        + "  https://shop.example/help \"Help\" (part 1, text/html)"));
    }

    @Test
    void linkAssertionsFailWithTheLink() {
        assertThatThrownBy(() -> assertThat(mail).hasLink("/confirm").isHttps())
                .hasMessage(String.format("%nExpecting link:%n"
                        + "  " + base
                        + "/confirm?token=t-42 \"Confirm your address\" (part 1, text/html)%nto be:%n  an https: URL%n"
                        + "but its scheme is http:"));
        assertThatThrownBy(() -> assertThat(mail).hasLink("/confirm").queryParameter("user"))
                .hasMessage(String.format("%nExpecting link:%n  " + base
                        + "/confirm?token=t-42 \"Confirm your address\" (part 1, text/html)%n"
                        + "to have query parameter:%n  user%nbut its query is: token=t-42"));
        assertThatThrownBy(() -> assertThat(mail).hasLink("help").hasHost("shop.test"))
                .hasMessage(String.format(
                        "%nExpecting link:%n  https://shop.example/help \"Help\" (part 1, text/html)%nto go to host:%n  shop.test%n"
                                + "but it goes to shop.example"));
    }

    @Test
    void theLiveCheckContactsOnlyTheNamedHosts() {
        int before = CONFIRMED.get();
        assertThat(mail).hasLink("/confirm").isReachable(LinkCheck.hosts("127.0.0.1"));
        org.assertj.core.api.Assertions.assertThat(CONFIRMED.get()).isEqualTo(before + 1);
        assertThatThrownBy(() -> assertThat(mail).links().areReachable(LinkCheck.hosts("127.0.0.1")))
                .hasMessage(String.format("%nExpecting the links to [127.0.0.1] to answer, but 1 is broken:%n  BROKEN "
                        + base + "/gone: HTTP 404"));
        assertThatThrownBy(() -> assertThat(mail).hasLink("help").isReachable(LinkCheck.hosts("127.0.0.1")))
                .hasMessage(
                        String.format("%nExpecting link:%n  https://shop.example/help \"Help\" (part 1, text/html)%n"
                                + "to answer:%n  2xx or 3xx%nbut it was not checked: host shop.example is not among the hosts to"
                                + " check [127.0.0.1]"));
    }

    @Test
    void allLinksMustBeHttps() {
        assertThatThrownBy(() -> assertThat(mail).links().areAllHttps())
                .hasMessage(String.format("%nExpecting every link to"
                        + " be https:, but 2 are http::%n  " + base
                        + "/confirm?token=t-42 \"Confirm your address\" (part 1, text/html)%n"
                        + "  " + base + "/gone \"Old page\" (part 1, text/html)"));
    }

    @Test
    void softAssertionsCollectAMissingLinkAndGoOn() {
        SmtpSoftAssertions softly = new SmtpSoftAssertions();
        softly.assertThat(mail).hasLink("/reset").hasText("Reset");
        softly.assertThat(mail).hasLink("/confirm").hasText("Confirm your address");
        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(1);
    }
}
