package io.ticketing.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.ticketing.platform.command.ProblemTypes;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.FieldViolation;
import io.ticketing.platform.error.ProblemKind;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details the same way for every error source. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ProblemDetail of(ProblemKind kind, String detail, @Nullable String instance) {
        return build(kind.status(), ProblemTypes.uri(kind), kind.title(), detail, instance, List.of());
    }

    public static ProblemDetail of(DomainProblem problem, @Nullable String instance) {
        ProblemDetail detail = build(problem.kind().status(), ProblemTypes.uri(problem), problem.kind().title(),
                problem.getMessage(), instance, problem.violations());
        if (problem.code() != null) {
            detail.setProperty("code", problem.code());
        }
        return detail;
    }

    public static ProblemDetail build(int status, String type, String title, @Nullable String detail,
            @Nullable String instance, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
        problem.setType(URI.create(type));
        problem.setTitle(title);
        problem.setDetail(detail);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations.stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message()))
                    .toList());
        }
        return problem;
    }
}
