package io.ticketing.gateway.adapter.in.web;

import java.time.Duration;
import java.util.List;

import io.ticketing.platform.command.ProblemTypes;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.FieldViolation;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.proto.commands.v1.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** An HTTP problem the gateway answers with, raised from filters and handlers and rendered in one place. */
class HttpProblem extends RuntimeException {

    final int status;
    final String type;
    final String title;
    final List<FieldViolation> errors;
    final @Nullable Duration retryAfter;
    /** The domain's name for the refusal, as the services' problems carry it ({@code code}); null if none. */
    final @Nullable String code;

    HttpProblem(int status, String type, String title, String detail, List<FieldViolation> errors,
            @Nullable Duration retryAfter) {
        this(status, type, title, detail, errors, retryAfter, null);
    }

    private HttpProblem(int status, String type, String title, String detail, List<FieldViolation> errors,
            @Nullable Duration retryAfter, @Nullable String code) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
        this.code = code;
    }

    /** A rule of the gateway's own (a reused Idempotency-Key, an unknown ticket to cancel). */
    static HttpProblem of(DomainProblem problem) {
        return new HttpProblem(problem.kind().status(), ProblemTypes.uri(problem), problem.kind().title(),
                problem.getMessage() == null ? "" : problem.getMessage(), problem.violations(), null, problem.code());
    }

    static HttpProblem of(ProblemKind kind, String detail) {
        return new HttpProblem(kind.status(), ProblemTypes.uri(kind), kind.title(), detail, List.of(), null);
    }

    /** The problem for a status: its kind's when one has that status, else {@code http-<status>} and the reason. */
    static HttpProblem ofStatus(int status, String detail) {
        return ProblemKind.forStatus(status).map(kind -> of(kind, detail))
                .orElseGet(() -> new HttpProblem(status, ProblemTypes.BASE + "http-" + status,
                        HttpStatus.valueOf(status).getReasonPhrase(), detail, List.of(), null));
    }

    static HttpProblem invalid(String detail, List<FieldViolation> errors) {
        ProblemKind kind = ProblemKind.INVALID_INPUT;
        return new HttpProblem(kind.status(), ProblemTypes.uri(kind), kind.title(), detail, errors, null);
    }

    static HttpProblem tooManyRequests(Duration retryAfter) {
        ProblemKind kind = ProblemKind.TOO_MANY_REQUESTS;
        return new HttpProblem(kind.status(), ProblemTypes.uri(kind), kind.title(),
                "Too many requests; retry later", List.of(), retryAfter);
    }

    /** A service refused the command: its problem, as it stated it. */
    static HttpProblem fromReply(Problem problem) {
        int status = problem.getStatus() >= 400 && problem.getStatus() <= 599 ? problem.getStatus() : 502;
        return new HttpProblem(status,
                problem.getType().isEmpty() ? ProblemTypes.BASE + "http-" + status : problem.getType(),
                problem.getTitle().isEmpty() ? "Command refused" : problem.getTitle(),
                problem.getDetail(),
                problem.getErrorsList().stream().map(e -> new FieldViolation(e.getField(), e.getMessage())).toList(),
                null, problem.getCode().isEmpty() ? null : problem.getCode());
    }

    String detail() {
        return getMessage() == null ? "" : getMessage();
    }
}
