package dev.smtpunit.internal.http;

import dev.smtpunit.Provider;
import dev.smtpunit.SessionTranscript;
import dev.smtpunit.TranscriptEntry;
import dev.smtpunit.fault.ApiCall;
import dev.smtpunit.fault.ApiFaultEffect;
import dev.smtpunit.fault.ApiFaults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routes each request to its provider's API, lets the fault rules act, stores what is accepted and
 * records every exchange in the transcript with secrets masked.
 */
public final class ApiServer implements HttpServerRuntime.Handler {
    private final List<ProviderApi> apis;
    private final ApiSink sink;
    private final ApiFaults faults;
    private final Map<Provider, AtomicInteger> calls = new EnumMap<>(Provider.class);

    /**
     * A server for the given credentials.
     *
     * @param credentials what each API accepts, read at each request (settings may change while running)
     * @param sink where messages and transcripts go
     * @param faults the fault rules
     */
    public ApiServer(java.util.function.Supplier<ApiCredentials> credentials, ApiSink sink, ApiFaults faults) {
        this.apis = List.of(
                new SendGridApi(credentials),
                new PostmarkApi(credentials),
                new MailgunApi(credentials),
                new SesApi(credentials));
        this.sink = sink;
        this.faults = faults;
        for (Provider p : Provider.values()) {
            calls.put(p, new AtomicInteger());
        }
    }

    /**
     * How many requests an API has had on this server.
     *
     * @param provider the API
     * @return the count, fault-answered and refused requests included
     */
    public int calls(Provider provider) {
        return calls.get(provider).get();
    }

    @Override
    public HttpServerRuntime.Outcome handle(HttpRequest request) throws InterruptedException {
        SessionTranscript session = session(request);
        ProviderApi api = route(request.path());
        if (api == null) {
            HttpResponse r =
                    HttpResponse.json(404, "{\"message\":\"no provider API at " + escape(request.path()) + "\"}");
            record(session, null, request, List.of(), r, false);
            return new HttpServerRuntime.Respond(r);
        }
        int n = calls.get(api.provider()).incrementAndGet();
        ApiOutcome outcome = api.read(request);
        List<String> headers = maskedHeaders(api, request);
        ApiCall call =
                new ApiCall(api.provider(), n, request.method(), request.path(), outcome.recipients, outcome.fields);
        ApiFaultEffect effect = faults.fire(call);
        while (effect instanceof ApiFaultEffect.Delay d) {
            Thread.sleep(d.delay().toMillis());
            effect = d.then();
        }
        if (effect instanceof ApiFaultEffect.Stall) {
            record(session, api.provider(), request, headers, null, true);
            return new HttpServerRuntime.Stall();
        }
        if (effect instanceof ApiFaultEffect.Close) {
            record(session, api.provider(), request, headers, null, true);
            return new HttpServerRuntime.Close();
        }
        HttpResponse response;
        boolean injected = true;
        if (effect instanceof ApiFaultEffect.Reply r) {
            response = r.body() == null ? api.error(r.status()) : HttpResponse.json(r.status(), r.body());
        } else if (effect instanceof ApiFaultEffect.RateLimited rl) {
            response = api.rateLimited(rl.retryAfter());
        } else {
            injected = false;
            if (outcome.refusal != null) {
                response = outcome.refusal;
            } else {
                for (ApiMessage m : outcome.messages) {
                    sink.deliver(m, session);
                }
                response = outcome.success;
            }
        }
        record(session, api.provider(), request, headers, response, injected);
        return new HttpServerRuntime.Respond(response);
    }

    @Override
    public void ended(
            HttpRequest.Connection connection,
            java.net.InetSocketAddress client,
            boolean byServer,
            String detail,
            boolean notable) {
        SessionTranscript s;
        synchronized (connection) {
            s = connection.attachment() instanceof SessionTranscript t ? t : null;
            if (s == null && notable) {
                s = sink.openSession(client);
                connection.attach(s);
            }
        }
        if (s != null) {
            sink.closed(s, byServer, detail);
        }
    }

    private SessionTranscript session(HttpRequest request) {
        synchronized (request.connection()) {
            if (request.connection().attachment() instanceof SessionTranscript s) {
                return s;
            }
            SessionTranscript s = sink.openSession(request.client());
            request.connection().attach(s);
            return s;
        }
    }

    private ProviderApi route(String path) {
        for (ProviderApi a : apis) {
            if (a.owns(path)) {
                return a;
            }
        }
        return null;
    }

    private void record(
            SessionTranscript session,
            Provider provider,
            HttpRequest request,
            List<String> headers,
            HttpResponse response,
            boolean injected) {
        String body = request.bodyText();
        if (body.length() > TranscriptEntry.HttpExchange.BODY_LIMIT) {
            body = body.substring(0, TranscriptEntry.HttpExchange.BODY_LIMIT) + "... (" + request.body().length
                    + " bytes in all)";
        }
        List<String> out = new ArrayList<>();
        if (response != null) {
            for (Map.Entry<String, String> h : response.headers()) {
                out.add(h.getKey() + ": " + h.getValue());
            }
        }
        sink.record(
                session,
                new TranscriptEntry.HttpExchange(
                        System.currentTimeMillis(),
                        provider,
                        request.method(),
                        request.target(),
                        headers,
                        body,
                        response == null ? 0 : response.status(),
                        out,
                        response == null ? "" : response.bodyText(),
                        injected));
    }

    private static List<String> maskedHeaders(ProviderApi api, HttpRequest request) {
        List<String> out = new ArrayList<>();
        for (String name : api.transcriptHeaders()) {
            String v = request.header(name);
            if (v != null) {
                out.add(name + ": " + mask(name, v));
            }
        }
        return out;
    }

    static String mask(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("authorization")) {
            int sp = value.indexOf(' ');
            String scheme = sp < 0 ? value : value.substring(0, sp);
            if (scheme.equalsIgnoreCase("Basic") && sp > 0) {
                try {
                    String userPass = new String(
                            Base64.getDecoder().decode(value.substring(sp + 1).trim()), StandardCharsets.UTF_8);
                    int colon = userPass.indexOf(':');
                    return "Basic " + (colon < 0 ? "****" : userPass.substring(0, colon) + ":****");
                } catch (IllegalArgumentException e) {
                    return "Basic ****";
                }
            }
            if (scheme.equals("AWS4-HMAC-SHA256")) {
                int sig = value.indexOf("Signature=");
                return sig < 0 ? value : value.substring(0, sig) + "Signature=****";
            }
            return sp < 0 ? "****" : scheme + " ****";
        }
        if (n.contains("token")) {
            return "****";
        }
        return value;
    }

    static String escape(String s) {
        return Json.write(s).substring(1, Json.write(s).length() - 1);
    }
}
