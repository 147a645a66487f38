package dev.smtpunit.internal.http;

import dev.smtpunit.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon SES v2 SendEmail: {@code POST /v2/email/outbound-emails}, signed with AWS Signature Version
 * 4 (checked against the configured key, secret and region), JSON with {@code Simple}, {@code Raw}
 * or {@code Template} content. {@code 200} with {@code MessageId}; errors as AWS REST-JSON services
 * send them: the status, {@code x-amzn-ErrorType} and a {@code message} body.
 */
final class SesApi implements ProviderApi {
    static final String PATH = "/v2/email/outbound-emails";
    private static final int MAX_RECIPIENTS = 50;
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private final Supplier<ApiCredentials> credentials;

    SesApi(Supplier<ApiCredentials> credentials) {
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.SES;
    }

    @Override
    public boolean owns(String path) {
        return path.equals(PATH);
    }

    static HttpResponse error(int status, String type, String message) {
        return HttpResponse.json(status, Json.write(Map.of("message", message)))
                .header("x-amzn-RequestId", UUID.randomUUID().toString())
                .header("x-amzn-ErrorType", type);
    }

    @Override
    public HttpResponse error(int status) {
        switch (status) {
            case 400:
                return error(400, "BadRequestException", "Bad request");
            case 403:
                return error(403, "AccessDeniedException", "User is not authorized to perform: ses:SendEmail");
            case 404:
                return error(404, "NotFoundException", "Resource not found");
            case 500:
                return error(500, "InternalFailure", "The request processing has failed because of an unknown error.");
            case 503:
                return error(503, "ServiceUnavailable", "Service is unavailable. Try again later.");
            default:
                return error(status, "BadRequestException", HttpResponse.reason(status));
        }
    }

    @Override
    public HttpResponse rateLimited(Duration retryAfter) {
        return error(429, "TooManyRequestsException", "Maximum sending rate exceeded.")
                .header("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    @Override
    public List<String> transcriptHeaders() {
        return List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "Content-Type", "User-Agent");
    }

    /** A refusal with an AWS error type. */
    private static class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        final String type;

        Refusal(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    @Override
    public ApiOutcome read(HttpRequest request) {
        ApiOutcome out = new ApiOutcome();
        Object doc;
        try {
            doc = Json.parse(request.bodyText());
            out.flatten("", doc);
        } catch (Json.JsonException e) {
            doc = null;
        }
        if (doc instanceof Map<?, ?> m && m.get("Destination") instanceof Map<?, ?> d) {
            for (String kind : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
                if (d.get(kind) instanceof List<?> l) {
                    l.forEach(a -> out.recipients.add(String.valueOf(a)));
                }
            }
        }
        if (!request.method().equals("POST")) {
            return out.refuse(error(405, "MethodNotAllowedException", "Method not allowed"));
        }
        SigV4.Failure f = SigV4.verify(
                request,
                credentials.get().awsAccessKeyId(),
                credentials.get().awsSecretKey(),
                credentials.get().awsRegion(),
                "ses");
        if (f != null) {
            return out.refuse(error(f.status(), f.type(), f.message()));
        }
        if (!(doc instanceof Map)) {
            return out.refuse(error(400, "SerializationException", "The request body is not a valid JSON object."));
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) doc;
            send(m, request, out);
        } catch (Refusal r) {
            out.messages.clear();
            return out.refuse(error(400, r.type, r.getMessage()));
        } catch (JsonFields.WrongType e) {
            return out.refuse(error(400, "SerializationException", e.getMessage()));
        }
        return out;
    }

    private static List<String> strings(Map<String, Object> o, String name) throws JsonFields.WrongType {
        List<Object> l = JsonFields.array(o, name);
        List<String> out = new ArrayList<>();
        if (l != null) {
            for (Object v : l) {
                if (!(v instanceof String s)) {
                    throw new JsonFields.WrongType("string", v);
                }
                out.add(s);
            }
        }
        return out;
    }

    private static List<MimeBuilder.Address> addresses(List<String> texts) throws Refusal {
        List<MimeBuilder.Address> out = new ArrayList<>();
        for (String t : texts) {
            MimeBuilder.Address a = EmailAddresses.parse(t);
            if (a == null) {
                throw new Refusal("BadRequestException", "Illegal address");
            }
            out.add(a);
        }
        return out;
    }

    private static String data(Map<String, Object> content, String name) throws JsonFields.WrongType {
        Map<String, Object> c = JsonFields.object(content, name);
        return c == null ? null : JsonFields.string(c, "Data");
    }

    @SuppressWarnings("unchecked")
    private void send(Map<String, Object> m, HttpRequest request, ApiOutcome out) throws Refusal, JsonFields.WrongType {
        Map<String, Object> content = JsonFields.object(m, "Content");
        if (content == null) {
            throw new Refusal("BadRequestException", "Content is required");
        }
        Map<String, Object> simple = JsonFields.object(content, "Simple");
        Map<String, Object> raw = JsonFields.object(content, "Raw");
        Map<String, Object> template = JsonFields.object(content, "Template");
        int kinds = (simple == null ? 0 : 1) + (raw == null ? 0 : 1) + (template == null ? 0 : 1);
        if (kinds != 1) {
            throw new Refusal(
                    "BadRequestException", "Exactly one of Simple, Raw or Template content must be specified");
        }
        String fromText = JsonFields.string(m, "FromEmailAddress");
        Map<String, Object> dest = JsonFields.object(m, "Destination");
        List<MimeBuilder.Address> to = addresses(dest == null ? List.of() : strings(dest, "ToAddresses"));
        List<MimeBuilder.Address> cc = addresses(dest == null ? List.of() : strings(dest, "CcAddresses"));
        List<MimeBuilder.Address> bcc = addresses(dest == null ? List.of() : strings(dest, "BccAddresses"));
        List<MimeBuilder.Address> replyTo = addresses(strings(m, "ReplyToAddresses"));
        Map<String, String> tags = new LinkedHashMap<>();
        List<Object> emailTags = JsonFields.array(m, "EmailTags");
        if (emailTags != null) {
            for (Object t : emailTags) {
                Map<String, Object> tag = JsonFields.asObject(t);
                String name = JsonFields.string(tag, "Name");
                String value = JsonFields.string(tag, "Value");
                if (name == null || !TAG.matcher(name).matches()) {
                    throw new Refusal(
                            "BadRequestException",
                            "Invalid tag name <" + name + ">: only alphanumeric ASCII characters,"
                                    + " '_', '-' are allowed.");
                }
                if (value == null || !TAG.matcher(value).matches()) {
                    throw new Refusal(
                            "BadRequestException",
                            "Invalid tag value <" + value + ">: only alphanumeric ASCII characters,"
                                    + " '_', '-' are allowed.");
                }
                tags.put(name, value);
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String configurationSet = JsonFields.string(m, "ConfigurationSetName");
        if (configurationSet != null) {
            settings.put("ConfigurationSetName", configurationSet);
        }
        String feedback = JsonFields.string(m, "FeedbackForwardingEmailAddress");
        if (feedback != null) {
            settings.put("FeedbackForwardingEmailAddress", feedback);
        }
        String messageId = "0100" + Long.toHexString(System.currentTimeMillis()) + "-" + UUID.randomUUID() + "-000000";
        byte[] mime;
        String sender;
        List<String> recipients = new ArrayList<>();
        String templateId = null;
        Map<String, Object> templateData = Map.of();
        if (raw != null) {
            String blob = JsonFields.string(raw, "Data");
            if (blob == null || blob.isEmpty()) {
                throw new Refusal("BadRequestException", "Raw message data is required");
            }
            try {
                mime = Base64.getDecoder().decode(blob);
            } catch (IllegalArgumentException e) {
                throw new SerializationRefusal();
            }
            String fromHeader = MailgunApi.headerOf(mime, "From");
            MimeBuilder.Address headerFrom = fromHeader == null ? null : EmailAddresses.parse(fromHeader);
            MimeBuilder.Address from = fromText != null ? EmailAddresses.parse(fromText) : headerFrom;
            if (from == null) {
                throw new Refusal("BadRequestException", "Missing required header 'From'.");
            }
            sender = from.email();
            if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
                for (String h : List.of("To", "Cc", "Bcc")) {
                    String v = MailgunApi.headerOf(mime, h);
                    if (v != null) {
                        for (String a : EmailAddresses.split(v)) {
                            MimeBuilder.Address addr = EmailAddresses.parse(a);
                            if (addr == null) {
                                throw new Refusal("BadRequestException", "Illegal address");
                            }
                            recipients.add(addr.email());
                        }
                    }
                }
            }
        } else {
            if (fromText == null) {
                throw new Refusal("BadRequestException", "Missing required field FromEmailAddress");
            }
            MimeBuilder.Address from = EmailAddresses.parse(fromText);
            if (from == null) {
                throw new Refusal("BadRequestException", "Illegal address");
            }
            sender = from.email();
            if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
                throw new Refusal("BadRequestException", "Missing required field Destination");
            }
            String subject;
            String text;
            String html;
            List<Object> headers;
            List<Object> attachments = null;
            if (simple != null) {
                subject = data(simple, "Subject");
                Map<String, Object> body = JsonFields.object(simple, "Body");
                if (subject == null) {
                    throw new Refusal("BadRequestException", "Missing required field Subject");
                }
                if (body == null) {
                    throw new Refusal("BadRequestException", "Missing required field Body");
                }
                text = data(body, "Text");
                html = data(body, "Html");
                if (text == null && html == null) {
                    throw new Refusal("BadRequestException", "Body must contain Text or Html");
                }
                headers = JsonFields.array(simple, "Headers");
                attachments = JsonFields.array(simple, "Attachments");
            } else {
                String name = JsonFields.string(template, "TemplateName");
                String arn = JsonFields.string(template, "TemplateArn");
                Map<String, Object> inline = JsonFields.object(template, "TemplateContent");
                if (name == null && arn == null && inline == null) {
                    throw new Refusal("BadRequestException", "Template name, ARN or content must be specified");
                }
                templateId = name != null ? name : arn;
                String dataText = JsonFields.string(template, "TemplateData");
                if (dataText != null) {
                    Object d;
                    try {
                        d = Json.parse(dataText);
                    } catch (Json.JsonException e) {
                        throw new Refusal("BadRequestException", "Invalid TemplateData: " + e.getMessage());
                    }
                    if (!(d instanceof Map)) {
                        throw new Refusal("BadRequestException", "Invalid TemplateData: a JSON object is required");
                    }
                    templateData = (Map<String, Object>) JsonFields.plain(d);
                }
                subject = inline == null ? "" : render(JsonFields.string(inline, "Subject"), templateData);
                text = inline == null ? null : render(JsonFields.string(inline, "Text"), templateData);
                html = inline == null ? null : render(JsonFields.string(inline, "Html"), templateData);
                headers = JsonFields.array(template, "Headers");
            }
            MimeBuilder b = new MimeBuilder();
            b.addresses("From", List.of(from));
            b.addresses("To", to);
            b.addresses("Cc", cc);
            b.addresses("Reply-To", replyTo);
            b.header("Subject", subject == null ? "" : subject);
            b.rawHeader("Date", MimeBuilder.now());
            b.rawHeader("Message-ID", "<" + messageId + "@email.amazonses.com>");
            if (headers != null) {
                for (Object h : headers) {
                    Map<String, Object> ho = JsonFields.asObject(h);
                    String hn = JsonFields.string(ho, "Name");
                    if (hn == null || !hn.matches("[!-9;-~]+")) {
                        throw new Refusal("BadRequestException", "Invalid header name: " + hn);
                    }
                    b.header(hn, String.valueOf(JsonFields.string(ho, "Value")));
                }
            }
            b.text(text);
            b.html(html);
            if (attachments != null) {
                for (Object a : attachments) {
                    Map<String, Object> ao = JsonFields.asObject(a);
                    String fileName = JsonFields.string(ao, "FileName");
                    String rawContent = JsonFields.string(ao, "RawContent");
                    if (fileName == null || rawContent == null) {
                        throw new Refusal("BadRequestException", "Attachment FileName and RawContent are required");
                    }
                    byte[] bytes;
                    try {
                        bytes = Base64.getDecoder().decode(rawContent);
                    } catch (IllegalArgumentException e) {
                        throw new SerializationRefusal();
                    }
                    String cid = JsonFields.string(ao, "ContentId");
                    boolean inline = "INLINE".equals(JsonFields.string(ao, "ContentDisposition"));
                    b.attach(new MimeBuilder.Part(fileName, JsonFields.string(ao, "ContentType"), bytes, inline, cid));
                }
            }
            mime = b.build();
        }
        for (List<MimeBuilder.Address> l : List.of(to, cc, bcc)) {
            l.forEach(a -> recipients.add(a.email()));
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new Refusal("MessageRejected", "Recipient count exceeds 50.");
        }
        if (recipients.isEmpty()) {
            throw new Refusal("BadRequestException", "Missing required field Destination");
        }
        out.messages.add(new ApiMessage(
                Provider.SES,
                request.client(),
                request.secure(),
                credentials.get().awsAccessKeyId(),
                sender,
                List.copyOf(recipients),
                mime,
                messageId,
                templateId,
                templateData,
                List.of(),
                Map.copyOf(tags),
                null,
                false,
                Map.copyOf(settings)));
        out.success = HttpResponse.json(200, Json.write(Map.of("MessageId", messageId)))
                .header("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    /** Base64 that does not decode: AWS's serialization error. */
    private static final class SerializationRefusal extends Refusal {
        private static final long serialVersionUID = 1L;

        SerializationRefusal() {
            super("SerializationException", "Blob data is not valid base64.");
        }
    }

    private static String render(String template, Map<String, Object> data) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = data;
            for (String key : m.group(1).split("\\.")) {
                v = v instanceof Map<?, ?> map ? map.get(key) : null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : String.valueOf(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
