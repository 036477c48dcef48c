package io.ticketing.platform.command;

import java.util.Locale;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/** The {@code type} URIs of problems: {@code urn:problem:ticketing:<kind>} or {@code ...:<code>}. */
public final class ProblemTypes {

    public static final String BASE = "urn:problem:ticketing:";

    private ProblemTypes() {
    }

    public static String uri(ProblemKind kind) {
        return BASE + kind.slug();
    }

    public static String uri(DomainProblem problem) {
        return problem.code() == null ? uri(problem.kind())
                : BASE + problem.code().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
