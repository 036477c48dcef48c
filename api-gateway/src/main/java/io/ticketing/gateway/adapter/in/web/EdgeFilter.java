package io.ticketing.gateway.adapter.in.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.ticketing.gateway.config.GatewayProperties;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.tracing.Correlation;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * First thing every request meets:
 * <ul>
 * <li>identity headers sent by clients ({@code user-id}, {@code roles}, {@code X-User-*}) are dropped, so only
 * the verified token speaks for the caller;</li>
 * <li>a correlation id and a W3C {@code traceparent} are taken from the caller or created, forwarded to the
 * services and returned in the response;</li>
 * <li>bodies over the limit are refused with 413 (declared length up front, streamed bodies while read);</li>
 * <li>the path is normalized (RFC 3986 6.2.2.2: {@code /%61pi} is {@code /api}), so that every later check -
 * security rules, rate limits, routes - reads it as the services will, and none can be walked around by
 * escaping a letter;</li>
 * <li>the notification stream accepts {@code ?access_token=}, since browsers' EventSource cannot set headers; it
 * becomes an Authorization header and leaves the URL before anything logs or forwards it.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EdgeFilter implements WebFilter {

    static final String CORRELATION_ATTR = EdgeFilter.class.getName() + ".correlationId";
    static final String TRACEPARENT_ATTR = EdgeFilter.class.getName() + ".traceparent";
    static final String TRACEPARENT_HEADER = "traceparent";
    static final String NOTIFICATION_STREAM = "/api/v1/notifications/stream";
    static final String ACCESS_TOKEN_PARAM = "access_token";

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long maxBody;

    EdgeFilter(GatewayProperties properties) {
        this.maxBody = properties.maxBody().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String correlationId = correlationId(request.getHeaders().getFirst(Correlation.HTTP_HEADER));
        String traceparent = childTraceparent(request.getHeaders().getFirst(TRACEPARENT_HEADER));
        exchange.getAttributes().put(CORRELATION_ATTR, correlationId);
        exchange.getAttributes().put(TRACEPARENT_ATTR, traceparent);
        HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
        responseHeaders.set(Correlation.HTTP_HEADER, correlationId);
        responseHeaders.set(TRACEPARENT_HEADER, traceparent);

        long declared = request.getHeaders().getContentLength();
        if (declared > maxBody) {
            return Mono.error(HttpProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The body exceeds " + maxBody + " bytes"));
        }
        String rawPath = request.getURI().getRawPath();
        if (!decodesAsUtf8(rawPath)) {
            return Mono.error(HttpProblem.of(ProblemKind.INVALID_INPUT,
                    "The URL path is not valid UTF-8 once percent-decoded"));
        }
        String path = normalizedPath(rawPath);
        String accessToken = NOTIFICATION_STREAM.equals(path)
                ? request.getQueryParams().getFirst(ACCESS_TOKEN_PARAM) : null;
        ServerHttpRequest.Builder mutated = request.mutate().headers(headers -> {
            for (String name : new ArrayList<>(headers.headerNames())) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals(MessageHeaders.USER_ID) || lower.equals(MessageHeaders.ROLES)
                        || lower.startsWith("x-user-")) {
                    headers.remove(name);
                }
            }
            headers.set(Correlation.HTTP_HEADER, correlationId);
            headers.set(TRACEPARENT_HEADER, traceparent);
            if (accessToken != null && !headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
                headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
            }
        });
        if (request.getQueryParams().containsKey(ACCESS_TOKEN_PARAM)) {
            mutated.uri(withoutAccessToken(request.getURI()));
        }
        if (!path.equals(rawPath)) {
            mutated.path(path);
        }
        ServerHttpRequest forwarded = mutated.build();
        if (declared < 0) {
            forwarded = new LimitedBody(forwarded, maxBody);
        }
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    /**
     * The URI without any {@code access_token} parameter, the rest of its query kept byte for byte (re-validating it
     * would refuse characters such as {@code [} that the server accepted).
     */
    static URI withoutAccessToken(URI uri) {
        String raw = uri.toString();
        int queryStart = raw.indexOf('?');
        if (queryStart < 0) {
            return uri;
        }
        int fragmentStart = raw.indexOf('#', queryStart);
        String query = raw.substring(queryStart + 1, fragmentStart < 0 ? raw.length() : fragmentStart);
        String kept = Arrays.stream(query.split("&"))
                .filter(parameter -> !ACCESS_TOKEN_PARAM.equals(parameterName(parameter)))
                .collect(Collectors.joining("&"));
        return URI.create(raw.substring(0, queryStart) + (kept.isEmpty() ? "" : "?" + kept)
                + (fragmentStart < 0 ? "" : raw.substring(fragmentStart)));
    }

    private static String parameterName(String parameter) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        try {
            return UriUtils.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notDecodable) {
            return name;
        }
    }

    /**
     * The path with the percent-escapes of unreserved characters decoded: letters, digits, {@code -}, {@code _} and
     * {@code ~}. A dot stays escaped (decoded, {@code %2e%2e} would become a {@code ..} segment; the security
     * firewall refuses an escaped dot), and so does every reserved or non-ASCII character.
     */
    static String normalizedPath(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        StringBuilder path = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            int escaped = c == '%' ? escapedByte(rawPath, i) : -1;
            if (escaped >= 0 && isUnreservedButDot((char) escaped)) {
                path.append((char) escaped);
                i += 2;
            } else {
                path.append(c);
            }
        }
        return path.toString();
    }

    /** The byte a percent-escape at {@code i} stands for, or -1 when two hex digits do not follow the '%'. */
    private static int escapedByte(String raw, int i) {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        return low < 0 ? -1 : high << 4 | low;
    }

    private static boolean isUnreservedButDot(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '~');
    }

    /**
     * Whether the path's percent-escapes spell valid UTF-8. A service's servlet container refuses any other path
     * with an error page of its own, before our problem handling can answer.
     */
    static boolean decodesAsUtf8(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int escaped = escapedByte(rawPath, i);
            if (escaped < 0) {
                return false;
            }
            bytes.write(escaped);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String correlationId(@Nullable String incoming) {
        return incoming != null && CORRELATION_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** Keeps the caller's trace (or starts one) and names the gateway's hop with a new span id. */
    static String childTraceparent(@Nullable String incoming) {
        String traceId = null;
        String flags = "01";
        if (incoming != null) {
            Matcher m = TRACEPARENT.matcher(incoming.trim());
            if (m.matches() && !m.group(1).equals(ZERO_TRACE)) {
                traceId = m.group(1);
                flags = m.group(2);
            }
        }
        if (traceId == null) {
            traceId = randomHex(16);
        }
        return "00-" + traceId + "-" + randomHex(8) + "-" + flags;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            RANDOM.nextBytes(b);
        } while (isZero(b));
        return HexFormat.of().formatHex(b);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Counts a streamed (chunked) body and fails with 413 once it exceeds the limit. */
    private static final class LimitedBody extends ServerHttpRequestDecorator {

        private final long max;

        LimitedBody(ServerHttpRequest delegate, long max) {
            super(delegate);
            this.max = max;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().map(buffer -> {
                if (seen.addAndGet(buffer.readableByteCount()) > max) {
                    DataBufferUtils.release(buffer);
                    throw HttpProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The body exceeds " + max + " bytes");
                }
                return buffer;
            });
        }
    }
}
