package dev.smtpunit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The enhanced status code (RFC 3463) at the start of a reply's first line. */
class SmtpReplyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2.1.5 Recipient OK|2.1.5",
                "4.7.0|4.7.0",
                "5.123.456 x|5.123.456",
                "2.0.0 Ok: queued as 12|2.0.0",
                "5.5.2 Syntax error|5.5.2"
            })
    void readsTheEnhancedCode(String line, String code) {
        assertThat(SmtpReply.of(250, line).enhancedCode()).contains(code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ok",
                "",
                "3.1.1 no such class",
                "2.1.5555 four digits",
                "2.1234.5 four digits",
                "2.1.5x",
                "2..5 empty",
                "2.1. empty",
                "2.1",
                " 2.1.5 leading space",
                "2.1.5-dash",
                "2,1,5 commas",
                "2.1.\u0665 Arabic digit"
            })
    void findsNoneWhereThereIsNone(String line) {
        assertThat(SmtpReply.of(250, line).enhancedCode()).isEmpty();
    }
}
