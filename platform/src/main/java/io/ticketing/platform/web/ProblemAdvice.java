package io.ticketing.platform.web;

import java.time.Duration;
import java.util.List;

import io.ticketing.platform.command.ProblemTypes;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.FieldViolation;
import io.ticketing.platform.error.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/** Maps every exception a controller can raise to problem+json. A 500 here means a bug, and is logged. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> domainProblem(DomainProblem problem, HttpServletRequest request) {
        return respond(ProblemResponses.of(problem, request.getRequestURI()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(ProblemResponses.build(400, ProblemTypes.uri(ProblemKind.INVALID_INPUT),
                ProblemKind.INVALID_INPUT.title(), "Parameter '" + e.getName() + "' has an invalid value",
                request.getRequestURI(), List.of(new FieldViolation(e.getName(), "invalid value"))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(ProblemResponses.of(DomainProblem.invalid(violations), request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return respond(ProblemResponses.of(ProblemKind.FORBIDDEN, "You may not do this", request.getRequestURI()));
    }

    /** The database is down, restarting or out of connections: a 503 to retry later, not a bug. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("{} {} -> 503, the database is unavailable: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        return ResponseEntity.status(ProblemKind.UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.of(ProblemKind.UNAVAILABLE, "The service's database is unavailable right now",
                        request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ProblemResponses.of(ProblemKind.INTERNAL, "An unexpected error occurred",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(),
                        f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .toList();
        return asObject(respond(ProblemResponses.of(DomainProblem.invalid(violations), path(request))));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldViolation(
                        r.getMethodParameter().getParameterName() == null ? "parameter"
                                : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage() == null ? "invalid" : err.getDefaultMessage())))
                .toList();
        return asObject(respond(ProblemResponses.of(DomainProblem.invalid(violations), path(request))));
    }

    /** A body that is JSON but holds a field of the wrong shape or value: that field is named. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof DatabindException json && !JsonFieldPath.of(json).isEmpty()) {
            return asObject(respond(ProblemResponses.of(DomainProblem.invalid(
                    List.of(new FieldViolation(JsonFieldPath.of(json), "has an invalid value"))), path(request))));
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /** Framework errors (unreadable body, 404, 405, 415, ...) keep their status but get our problem shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        ProblemKind kind = ProblemKind.forStatus(status.value()).orElse(null);
        ProblemDetail shaped = ProblemResponses.build(status.value(),
                kind == null ? ProblemTypes.BASE + "http-" + status.value()
                        : ProblemTypes.uri(kind),
                kind == null ? (problem.getTitle() == null ? "Error" : problem.getTitle()) : kind.title(),
                problem.getDetail(), path(request), List.of());
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(shaped);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static @Nullable String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

}
