package dev.smtpunit.fault;

import dev.smtpunit.Provider;

import java.util.List;
import java.util.Map;

/**
 * What an {@link ApiMatcher} sees of a provider API request when a rule is tried. The request has
 * been read and parsed as far as it parses, but not yet checked or accepted.
 *
 * @param provider the API
 * @param callNumber the number of this request to that API on its server, from 1
 * @param method the HTTP method
 * @param path the request path
 * @param recipients every recipient address the request names (to, cc and bcc), in order
 * @param fields the request's fields by name: form fields as sent ({@code to}, {@code o:tag}); JSON
 *     fields as paths ({@code from.email}, {@code personalizations[0].to[0].email}, {@code Tag});
 *     the first value of each
 */
public record ApiCall(
        Provider provider,
        int callNumber,
        String method,
        String path,
        List<String> recipients,
        Map<String, String> fields) {

    /**
     * Copies the collections.
     *
     * @param provider the API
     * @param callNumber the request's number, from 1
     * @param method the method
     * @param path the path
     * @param recipients the recipients
     * @param fields the fields
     */
    public ApiCall {
        recipients = List.copyOf(recipients);
        fields = Map.copyOf(fields);
    }
}
