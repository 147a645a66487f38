package dev.smtpunit.lint;

import java.util.Objects;

/**
 * What a {@link ReceiverProfile} answers at the end of DATA when it refuses a message, and which
 * lint rule made it refuse.
 *
 * @param code the reply code, such as 550
 * @param text the reply text after the code, starting with the enhanced status code
 * @param ruleId the lint rule that triggered, such as {@code header.message-id.missing}
 * @param finding the finding of that rule, in words
 */
public record ReceiverRejection(int code, String text, String ruleId, String finding) {

    /**
     * Creates a rejection, checking its components.
     *
     * @param code the reply code
     * @param text the reply text
     * @param ruleId the rule
     * @param finding the finding
     */
    public ReceiverRejection {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(finding, "finding");
    }

    /** {@return the whole reply line, such as {@code 550 5.7.1 Messages missing a valid Message-ID: ...}} */
    public String reply() {
        return code + " " + text;
    }

    @Override
    public String toString() {
        return reply() + " [rule " + ruleId + ": " + finding + "]";
    }
}
