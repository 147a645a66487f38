package dev.smtpunit.examples.spring;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Sends order receipts through SendGrid's Mail Send API with the {@link SendGrid} bean that Spring
 * Boot configures from {@code spring.sendgrid.api-key}. A rate limit ({@code 429}) is retried after
 * the {@code Retry-After} the API names (at most {@code app.receipts.max-wait}), a server error
 * ({@code 5xx}) after an exponential back-off; any other refusal is final.
 */
@Service
public class ReceiptMailService {
    private final SendGrid sendGrid;
    private final UserDirectory users;
    private final String from;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxWait;

    /**
     * Creates the service.
     *
     * @param sendGrid the SendGrid client
     * @param users where users are found
     * @param from the sender address
     * @param maxAttempts how often to try at most
     * @param firstBackoff the pause after the first server error, doubled after each further one
     * @param maxWait the longest pause, whatever {@code Retry-After} says
     */
    public ReceiptMailService(
            SendGrid sendGrid,
            UserDirectory users,
            @Value("${app.receipts.from}") String from,
            @Value("${app.receipts.max-attempts}") int maxAttempts,
            @Value("${app.receipts.first-backoff}") Duration firstBackoff,
            @Value("${app.receipts.max-wait}") Duration maxWait) {
        this.sendGrid = sendGrid;
        this.users = users;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxWait = maxWait;
    }

    /**
     * A receipt SendGrid accepted.
     *
     * @param messageId SendGrid's message id ({@code X-Message-Id})
     * @param attempts how many calls it took
     */
    public record Sent(String messageId, int attempts) {}

    /** SendGrid refused the receipt for good, or on every attempt. */
    public static final class NotSentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;

        NotSentException(int status, String body) {
            super("SendGrid answered " + status + ": " + body);
            this.status = status;
        }

        /** {@return the HTTP status of SendGrid's last answer} */
        public int status() {
            return status;
        }
    }

    /**
     * Sends the receipt of an order to a user.
     *
     * @param userId the user's id
     * @param orderId the order's id, sent as the custom argument {@code order}
     * @return SendGrid's message id and the number of attempts
     * @throws NotSentException when SendGrid refused it for good, or on every attempt
     */
    public Sent sendReceipt(String userId, String orderId) {
        User user = users.find(userId);
        Mail mail = new Mail(
                new Email(from),
                "Your receipt for order " + orderId,
                new Email(user.email(), user.name()),
                new Content("text/plain", "Hello " + user.name() + ",\n\nthank you for order " + orderId + ".\n"));
        mail.addCategory("receipt");
        mail.addCustomArg("order", orderId);
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        Duration backoff = firstBackoff;
        try {
            request.setBody(mail.build());
            for (int attempt = 1; ; attempt++) {
                Response response = sendGrid.api(request);
                int status = response.getStatusCode();
                if (status / 100 == 2) {
                    return new Sent(response.getHeaders().get("X-Message-Id"), attempt);
                }
                boolean retryable = status == 429 || status / 100 == 5;
                if (!retryable || attempt >= maxAttempts) {
                    throw new NotSentException(status, response.getBody());
                }
                pause(status == 429 ? retryAfter(response) : backoff);
                backoff = backoff.multipliedBy(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach SendGrid", e);
        }
    }

    private Duration retryAfter(Response response) {
        String seconds = response.getHeaders().get("Retry-After");
        Duration wait = seconds == null ? firstBackoff : Duration.ofSeconds(Long.parseLong(seconds.trim()));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
