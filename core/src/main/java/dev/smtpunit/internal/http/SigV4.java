package dev.smtpunit.internal.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks an AWS Signature Version 4 {@code Authorization} header as AWS does: the credential scope
 * (access key, date, region, service), the signed headers (host and x-amz-date at least), the
 * request time within 15 minutes, and the signature over the canonical request.
 */
final class SigV4 {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration SKEW = Duration.ofMinutes(15);

    /**
     * Why a request was refused.
     *
     * @param status the HTTP status
     * @param type the AWS error type ({@code x-amzn-ErrorType})
     * @param message the message
     */
    record Failure(int status, String type, String message) {}

    private SigV4() {}

    /** {@return null when the signature holds, else why not} */
    static Failure verify(HttpRequest request, String accessKeyId, String secretKey, String region, String service) {
        String auth = request.header("Authorization");
        if (auth == null) {
            return new Failure(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        if (!auth.startsWith("AWS4-HMAC-SHA256 ")) {
            return new Failure(
                    400,
                    "IncompleteSignatureException",
                    "Authorization header requires the AWS4-HMAC-SHA256 algorithm.");
        }
        Map<String, String> parts = new TreeMap<>();
        for (String p : auth.substring(17).split(",")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                parts.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            return new Failure(
                    400,
                    "IncompleteSignatureException",
                    "Authorization header requires 'Credential', 'Signature' and"
                            + " 'SignedHeaders' parameters. Authorization=" + ApiServer.mask("Authorization", auth));
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            return new Failure(400, "IncompleteSignatureException", "Credential should be scoped to a valid region. ");
        }
        if (!scope[0].equals(accessKeyId)) {
            return new Failure(
                    403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (!scope[2].equals(region)) {
            return new Failure(
                    403,
                    "InvalidSignatureException",
                    "Credential should be scoped to a valid region, not '" + scope[2] + "'. ");
        }
        if (!scope[3].equals(service)) {
            return new Failure(
                    403,
                    "InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null) {
            return new Failure(
                    400,
                    "IncompleteSignatureException",
                    "Authorization header requires existence of either a" + " 'X-Amz-Date' or a 'Date' header.");
        }
        Instant at;
        try {
            at = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new Failure(400, "IncompleteSignatureException", "Invalid X-Amz-Date: " + amzDate);
        }
        if (!amzDate.startsWith(scope[1])) {
            return new Failure(
                    403,
                    "InvalidSignatureException",
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601" + " version of date from HTTP: '"
                            + scope[1] + "' != '" + amzDate.substring(0, 8) + "'");
        }
        Instant now = Instant.now();
        if (Duration.between(at, now).abs().compareTo(SKEW) > 0) {
            return new Failure(
                    403,
                    "InvalidSignatureException",
                    "Signature expired: " + amzDate + " is now earlier than "
                            + AMZ_DATE.format(LocalDateTime.ofInstant(now.minus(SKEW), ZoneOffset.UTC)) + " ("
                            + AMZ_DATE.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)) + " - 15 min.)");
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("host")) {
            return new Failure(
                    403, "InvalidSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalPath(request.path())).append('\n');
        canonical.append(canonicalQuery(request)).append('\n');
        for (String h : signed) {
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, String> e : request.headers()) {
                if (e.getKey().equalsIgnoreCase(h)) {
                    values.add(e.getValue().trim().replaceAll(" +", " "));
                }
            }
            if (values.isEmpty()) {
                return new Failure(
                        403,
                        "InvalidSignatureException",
                        "The request signature we calculated does not match the"
                                + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
                                + " documentation for details.");
            }
            canonical
                    .append(h.toLowerCase(Locale.ROOT))
                    .append(':')
                    .append(String.join(",", values))
                    .append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        String payloadHash = request.header("X-Amz-Content-Sha256");
        canonical.append(payloadHash != null ? payloadHash : hex(sha256(request.body())));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope[1] + "/" + scope[2] + "/" + scope[3]
                + "/aws4_request\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Failure(
                    403,
                    "InvalidSignatureException",
                    "The request signature we calculated does not match the signature"
                            + " you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
                            + " details.");
        }
        if (payloadHash != null
                && !payloadHash.equals("UNSIGNED-PAYLOAD")
                && !payloadHash.equals(hex(sha256(request.body())))) {
            return new Failure(
                    400,
                    "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what" + " was computed.");
        }
        return null;
    }

    private static String canonicalPath(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (sb.length() > 0 || path.startsWith("/")) {
                sb.append('/');
            }
            sb.append(encode(segment));
        }
        String s = sb.toString();
        return s.startsWith("//") ? s.substring(1) : s;
    }

    private static String canonicalQuery(HttpRequest request) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        request.query()
                .forEach((k, vs) -> vs.forEach(v -> sorted.computeIfAbsent(encode(k), x -> new ArrayList<>())
                        .add(encode(v))));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, vs) -> vs.stream().sorted().forEach(v -> pairs.add(k + "=" + v)));
        return String.join("&", pairs);
    }

    /** RFC 3986 unreserved characters stay, everything else is percent-encoded, as SigV4 asks. */
    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is unavailable: " + e.getMessage(), e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
