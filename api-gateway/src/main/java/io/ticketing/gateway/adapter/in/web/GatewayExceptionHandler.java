package io.ticketing.gateway.adapter.in.web;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.netty.channel.ConnectTimeoutException;
import io.ticketing.platform.command.CommandUnavailableException;
import io.ticketing.platform.command.ProblemTypes;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.FieldViolation;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.web.JsonFieldPath;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error the gateway produces becomes problem+json here: failures of its own filters and handlers, of
 * commands, and of routing (unknown route, downstream unreachable). Proxied answers keep the service's body.
 * Runs before Boot's default error handler.
 */
@Component
@Order(-2)
class GatewayExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    private final ProblemRenderer problems;
    private final ServedMethods servedMethods;

    GatewayExceptionHandler(ProblemRenderer problems, ServedMethods servedMethods) {
        this.problems = problems;
        this.servedMethods = servedMethods;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return foundNoHandler(error) ? answerUnservedMethod(exchange, error) : render(exchange, error);
    }

    /** No route, router function or controller took the request (404), or a controller took the path only (405). */
    private static boolean foundNoHandler(Throwable error) {
        return error instanceof MethodNotAllowedException
                || error instanceof ResponseStatusException e
                        && e.getStatusCode().value() == HttpStatus.NOT_FOUND.value();
    }

    /**
     * A path served for other methods than the request's is 405 with every method that is served there, whether
     * by a route or by a controller; a path served for none stays what it was.
     */
    private Mono<Void> answerUnservedMethod(ServerWebExchange exchange, Throwable error) {
        HttpMethod method = exchange.getRequest().getMethod();
        return servedMethods.at(exchange).flatMap(served -> {
            if (served.isEmpty() || served.contains(method)) {
                return render(exchange, error);
            }
            exchange.getResponse().getHeaders().setAllow(served);
            String names = served.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
            return problems.write(exchange, new HttpProblem(405, ProblemTypes.BASE + "http-405", "Method Not Allowed",
                    "Use " + names + " on " + exchange.getRequest().getPath(), List.of(), null));
        });
    }

    private Mono<Void> render(ServerWebExchange exchange, Throwable error) {
        HttpProblem problem = toProblem(exchange, error);
        if (problem.status >= 500 && problem.status != ProblemKind.UNAVAILABLE.status()) {
            log.error("{} {} failed (correlation {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), exchange.getAttribute(EdgeFilter.CORRELATION_ATTR), error);
        } else if (problem.status == ProblemKind.UNAVAILABLE.status()) {
            log.warn("{} {} -> 503 (correlation {}): {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), exchange.getAttribute(EdgeFilter.CORRELATION_ATTR),
                    error.toString());
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        return problems.write(exchange, problem);
    }

    private HttpProblem toProblem(ServerWebExchange exchange, Throwable error) {
        return switch (error) {
            case HttpProblem p -> p;
            case DomainProblem p -> HttpProblem.of(p);
            case CommandUnavailableException e -> unavailable("The service did not answer in time");
            case WebExchangeBindException e -> HttpProblem.invalid("The request has invalid fields", violations(e));
            case UnsupportedMediaTypeStatusException e -> HttpProblem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as " + e.getSupportedMediaTypes().stream().map(Object::toString)
                            .collect(Collectors.joining(", ")));
            case ServerWebInputException e -> inputProblem(e);
            case ResponseStatusException e -> statusProblem(exchange, e);
            default -> otherProblem(error);
        };
    }

    private static HttpProblem inputProblem(ServerWebInputException e) {
        if (cause(e, DataBufferLimitException.class) != null) {
            return HttpProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The body is too large");
        }
        HttpProblem nested = cause(e, HttpProblem.class);
        if (nested != null) {
            return nested;
        }
        JacksonException json = cause(e, JacksonException.class);
        if (json instanceof StreamReadException && !(json instanceof MismatchedInputException)) {
            return HttpProblem.invalid("The body is not valid JSON", List.of());
        }
        if (json != null) {
            String field = JsonFieldPath.of(json);
            String message = json instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants())
                    : "has an invalid value";
            return field.isEmpty() ? HttpProblem.invalid("The body does not match the expected shape", List.of())
                    : HttpProblem.invalid("The request has invalid fields",
                            List.of(new FieldViolation(field, message)));
        }
        TypeMismatchException mismatch = cause(e, TypeMismatchException.class);
        if (mismatch != null) {
            String name = e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                    ? e.getMethodParameter().getParameterName() : String.valueOf(mismatch.getPropertyName());
            return HttpProblem.invalid("The request has invalid parameters",
                    List.of(new FieldViolation(name, "has an invalid value")));
        }
        String reason = e.getReason() == null ? "" : e.getReason();
        if (reason.toLowerCase(Locale.ROOT).contains("body")) {
            return HttpProblem.invalid("A JSON body is required", List.of());
        }
        return HttpProblem.invalid(reason.isEmpty() ? "The request is invalid" : reason, List.of());
    }

    private static HttpProblem statusProblem(ServerWebExchange exchange, ResponseStatusException e) {
        int status = e.getStatusCode().value();
        if (status == HttpStatus.GATEWAY_TIMEOUT.value() || status == HttpStatus.BAD_GATEWAY.value()
                || status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return unavailable("The service behind this route did not answer");
        }
        if (status == HttpStatus.NOT_FOUND.value()) {
            return HttpProblem.of(ProblemKind.NOT_FOUND, "No resource at " + exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getPath());
        }
        return HttpProblem.ofStatus(status,
                e.getReason() == null ? HttpStatus.valueOf(status).getReasonPhrase() : e.getReason());
    }

    private static HttpProblem otherProblem(Throwable error) {
        if (cause(error, ConnectException.class) != null || cause(error, ConnectTimeoutException.class) != null
                || cause(error, TimeoutException.class) != null
                || error.getClass().getName().startsWith("reactor.netty")) {
            return unavailable("The service behind this route is unreachable");
        }
        if (cause(error, DataBufferLimitException.class) != null) {
            return HttpProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The body is too large");
        }
        return HttpProblem.of(ProblemKind.INTERNAL, "An unexpected error occurred");
    }

    private static HttpProblem unavailable(String detail) {
        return HttpProblem.of(ProblemKind.UNAVAILABLE, detail);
    }

    private static List<FieldViolation> violations(WebExchangeBindException e) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(f.getField(),
                    f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> violations.add(
                new FieldViolation(g.getObjectName(),
                        g.getDefaultMessage() == null ? "invalid" : g.getDefaultMessage())));
        return violations;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
