package dev.smtpunit.internal.http;

import dev.smtpunit.Provider;

import java.time.Duration;

/** One provider's published HTTP contract: its paths, its checks, its replies. */
interface ProviderApi {
    /** {@return the provider} */
    Provider provider();

    /**
     * Whether a path belongs to this API.
     *
     * @param path the request path
     * @return true when this API answers it
     */
    boolean owns(String path);

    /**
     * Reads and checks a request as the provider would: authentication, format, fields.
     *
     * @param request the request
     * @return the call: its recipients and fields, and either a refusal or the messages and success reply
     */
    ApiOutcome read(HttpRequest request);

    /**
     * The provider's error reply for a status a fault rule asks for.
     *
     * @param status the status
     * @return the response
     */
    HttpResponse error(int status);

    /**
     * The provider's {@code 429} with its rate-limit headers and {@code Retry-After}.
     *
     * @param retryAfter the wait to announce
     * @return the response
     */
    HttpResponse rateLimited(Duration retryAfter);

    /**
     * The provider's header names that the transcript keeps for requests (secrets get masked).
     *
     * @return the header names
     */
    default java.util.List<String> transcriptHeaders() {
        return java.util.List.of("Content-Type", "Authorization");
    }
}
