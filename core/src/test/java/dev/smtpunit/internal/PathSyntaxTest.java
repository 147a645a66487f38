package dev.smtpunit.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The grammar of RFC 5321 section 4.1.2 (paths and parameters) and 4.1.3 (address literals). */
class PathSyntaxTest {

    private static PathSyntax.Result mail(String afterColon) {
        return PathSyntax.parse(afterColon, true);
    }

    private static PathSyntax.Result rcpt(String afterColon) {
        return PathSyntax.parse(afterColon, false);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<a@b.example>",
                "<a.b.c@d-e.example>",
                "<!#$%&'*+-/=?^_`{|}~@x.example>",
                "<\"a b\"@x.example>",
                "<\"a\\\"b\"@x.example>",
                "<\"\"@x.example>",
                "<a@[192.0.2.1]>",
                "<a@[IPv6:2001:db8::1]>",
                "<a@[IPv6:::]>",
                "<a@[IPv6:1:2:3:4:5:6:7:8]>",
                "<a@[IPv6:1:2:3:4:5:6:192.0.2.1]>",
                "<a@[IPv6:::ffff:192.0.2.1]>",
                "<a@[IPv6:1:2:3:4::192.0.2.1]>",
                "<a@[x-tag:anything]>",
                "<a@localhost>",
                "<a@1.example>"
            })
    void acceptsEveryFormOfMailbox(String path) {
        PathSyntax.Result r = rcpt(path);
        assertThat(r.problem()).isNull();
        assertThat(r.args().path()).isEqualTo(path.substring(1, path.length() - 1));
    }

    @Test
    void dropsTheSourceRouteOfSection4_1_1_3() {
        assertThat(rcpt("<@a.example,@b.example:u@c.example>").args().path()).isEqualTo("u@c.example");
        assertThat(mail("<@a.example:u@c.example>").args().path()).isEqualTo("u@c.example");
        assertThat(rcpt("<@a.example,b.example:u@c.example>").problem()).isEqualTo(PathSyntax.Problem.PATH_SYNTAX);
        assertThat(rcpt("<@a.example u@c.example>").problem()).isEqualTo(PathSyntax.Problem.PATH_SYNTAX);
    }

    @Test
    void nullReversePathOnlyOnMailAndPostmasterOnlyOnRcpt() {
        assertThat(mail("<>").args().path()).isEmpty();
        assertThat(rcpt("<>").problem()).isEqualTo(PathSyntax.Problem.PATH_SYNTAX);
        assertThat(rcpt("<postMaster>").args().path()).isEqualTo("postMaster");
        assertThat(mail("<Postmaster>").problem()).isEqualTo(PathSyntax.Problem.PATH_SYNTAX);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<<a@b.example>>",
                "<a@b.example>>",
                "<<a@b.example>",
                "<a@b.example",
                "<a@@b.example>",
                "<a..b@c.example>",
                "<.a@c.example>",
                "<a.@c.example>",
                "<a@-b.example>",
                "<a@b-.example>",
                "<a@b..example>",
                "<a@b.example.>",
                "<a b@c.example>",
                "<a@>",
                "<@c.example>",
                "<a>",
                "<\"a@c.example>",
                "<a@[192.0.2.256]>",
                "<a@[192.0.2]>",
                "<a@[1.2.3.4.5]>",
                "<a@[IPv6:1:2:3:4:5:6:7]>",
                "<a@[IPv6:1::2::3]>",
                "<a@[IPv6:12345::]>",
                "<a@[IPv6:1:2:3:4:5::192.0.2.1]>",
                "<a@[IPv6:g::1]>",
                "<a@[:x]>",
                "<a@[tag:]>",
                "<a@[192.0.2.1>",
                "<a(comment)@b.example>"
            })
    void refusesWhatTheGrammarDoesNot(String path) {
        assertThat(rcpt(path).problem()).isEqualTo(PathSyntax.Problem.PATH_SYNTAX);
    }

    @Test
    void aPathMustBeBracketed() {
        assertThat(mail("a@b.example").problem()).isEqualTo(PathSyntax.Problem.NOT_BRACKETED);
        assertThat(mail(" <a@b.example>").problem()).isEqualTo(PathSyntax.Problem.NOT_BRACKETED);
        assertThat(mail("").problem()).isEqualTo(PathSyntax.Problem.NOT_BRACKETED);
    }

    @Test
    void parsesParametersAsKeywordEqualsValueSeparatedBySingleSpaces() {
        assertThat(mail("<a@b.example> SIZE=100 body=8BITMIME SMTPUTF8 X-1=v")
                        .args()
                        .parameters())
                .containsExactly(
                        Map.entry("SIZE", "100"),
                        Map.entry("BODY", "8BITMIME"),
                        Map.entry("SMTPUTF8", ""),
                        Map.entry("X-1", "v"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<a@b.example> ",
                "<a@b.example>  SIZE=1",
                "<a@b.example> SIZE=1  BODY=7BIT",
                "<a@b.example> =1",
                "<a@b.example> SIZE=",
                "<a@b.example> SIZE=1=2",
                "<a@b.example> -X=1",
                "<a@b.example> SI_ZE=1",
                "<a@b.example> SIZE=1 size=2",
                "<a@b.example> A=\u0001"
            })
    void refusesMalformedParameters(String argument) {
        assertThat(mail(argument).problem()).isEqualTo(PathSyntax.Problem.PARAMETER_SYNTAX);
    }

    @Test
    void checksTheSizeLimitsOfSection4_5_3_1() {
        String local64 = "l".repeat(64);
        assertThat(rcpt("<" + local64 + "@b.example>").ok()).isTrue();
        assertThat(rcpt("<" + local64 + "l@b.example>").problem()).isEqualTo(PathSyntax.Problem.LOCAL_PART_TOO_LONG);
        String domain255 = ("d".repeat(63) + ".").repeat(3) + "d".repeat(63);
        assertThat(domain255).hasSize(255);
        assertThat(rcpt("<a@" + domain255 + ">").problem())
                .as("255-octet domain, 259-octet path")
                .isEqualTo(PathSyntax.Problem.PATH_TOO_LONG);
        assertThat(rcpt("<a@" + domain255 + "d>").problem()).isEqualTo(PathSyntax.Problem.DOMAIN_TOO_LONG);
        String path256 = "<a@" + "d".repeat(252) + ">";
        assertThat(path256).hasSize(256);
        assertThat(rcpt(path256).ok()).isTrue();
        assertThat(rcpt("<a@" + "d".repeat(253) + ">").problem()).isEqualTo(PathSyntax.Problem.PATH_TOO_LONG);
        assertThat(rcpt("<" + "\u00fc".repeat(33) + "@b.example>").problem())
                .as("octets, not characters")
                .isEqualTo(PathSyntax.Problem.LOCAL_PART_TOO_LONG);
    }

    @Test
    void notesUtf8MailboxesOfRfc6531() {
        PathSyntax.Result r = mail("<j\u00fcrgen@b\u00fccher.example> SMTPUTF8");
        assertThat(r.ok()).isTrue();
        assertThat(r.nonAscii()).isTrue();
        assertThat(r.args().path()).isEqualTo("j\u00fcrgen@b\u00fccher.example");
        assertThat(mail("<a@b.example>").nonAscii()).isFalse();
        assertThat(mail("<\"\u00e9 x\"@b.example>").nonAscii()).isTrue();
        assertThat(mail("<a@bu\u0308cher.example>").problem())
                .as("a U-label is NFC")
                .isEqualTo(PathSyntax.Problem.PATH_SYNTAX);
        assertThat(mail("<a\u0085@b.example>").problem()).as("C1 control").isEqualTo(PathSyntax.Problem.PATH_SYNTAX);
    }

    @Test
    void parsesWholeCommandLines() {
        assertThat(PathSyntax.parseCommand("MAIL FROM:<a@b.example>", true).ok())
                .isTrue();
        assertThat(PathSyntax.parseCommand("mail from:<a@b.example>", true).ok())
                .isTrue();
        assertThat(PathSyntax.parseCommand("MAIL FROM: <a@b.example>", true).problem())
                .isEqualTo(PathSyntax.Problem.NOT_BRACKETED);
        assertThat(PathSyntax.parseCommand("MAIL TO:<a@b.example>", true).problem())
                .isEqualTo(PathSyntax.Problem.USAGE);
        assertThat(PathSyntax.parseCommand("RCPT TO:<a@b.example>", false).ok()).isTrue();
        assertThat(PathSyntax.parseCommand("RCPT", false).problem()).isEqualTo(PathSyntax.Problem.USAGE);
    }
}
