package io.ticketing.platform.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception that means "the request was refused for a reason the caller can act on".
 * Plain Java so domain code may throw it; the platform maps it to problem+json or a command reply.
 * Subclass it with a name that says what happened ({@code SeatAlreadyTaken extends DomainProblem}).
 */
public class DomainProblem extends RuntimeException {

    private final ProblemKind kind;
    private final @Nullable String code;
    private final List<FieldViolation> violations;

    public DomainProblem(ProblemKind kind, String detail) {
        this(kind, null, detail, List.of());
    }

    public DomainProblem(ProblemKind kind, @Nullable String code, String detail) {
        this(kind, code, detail, List.of());
    }

    public DomainProblem(ProblemKind kind, @Nullable String code, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static DomainProblem notFound(String detail) {
        return new DomainProblem(ProblemKind.NOT_FOUND, detail);
    }

    public static DomainProblem conflict(String code, String detail) {
        return new DomainProblem(ProblemKind.CONFLICT, code, detail);
    }

    public static DomainProblem ruleViolated(String code, String detail) {
        return new DomainProblem(ProblemKind.RULE_VIOLATED, code, detail);
    }

    public static DomainProblem forbidden(String detail) {
        return new DomainProblem(ProblemKind.FORBIDDEN, detail);
    }

    public static DomainProblem invalid(List<FieldViolation> violations) {
        return new DomainProblem(ProblemKind.INVALID_INPUT, null, "The request has invalid fields", violations);
    }

    public static DomainProblem invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public ProblemKind kind() {
        return kind;
    }

    /** A stable machine-readable reason such as {@code SEAT_TAKEN}, when there is one. */
    public @Nullable String code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
