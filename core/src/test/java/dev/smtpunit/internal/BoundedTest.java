package dev.smtpunit.internal;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Long texts keep their head and tail, cut at line boundaries, with a line that says what was left out. */
class BoundedTest {

    private static String lines(int from, int to, String nl) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + nl).collect(Collectors.joining());
    }

    @Test
    void aShortTextStaysAsItIs() {
        String text = lines(1, 20, "\r\n");
        assertThat(Bounded.value(text)).isSameAs(text);
    }

    @Test
    void aLongTextKeepsItsHeadAndTailAndCountsWhatItLeftOut() {
        String text = lines(1, 100, "\r\n");
        long leftOut = lines(16, 95, "\r\n").length();
        assertThat(Bounded.value(text))
                .isEqualTo(lines(1, 15, "\r\n") + "... (80 lines, " + leftOut + " characters left out) ...\r\n"
                        + lines(96, 100, "\r\n"));
        assertThat(Bounded.lines(lines(1, 3, "\n") + "last", 1, 1))
                .isEqualTo("line 1\n... (2 lines, 14 characters left out) ...\nlast");
    }

    @Test
    void aLongLineIsCutWhereverItIs() {
        assertThat(Bounded.value("a".repeat(401) + "\nb"))
                .isEqualTo("a".repeat(400) + "... (1 more character on this line)\nb");
    }

    @Test
    void theStartOfALongTextIsKeptAtALineBoundary() {
        assertThat(Bounded.start("abc\ndef\nghi\n", 9))
                .isEqualTo("abc\ndef\n... (1 more line, 4 characters left out)\n");
        assertThat(Bounded.start("abc\n", 9)).isEqualTo("abc\n");
    }
}
