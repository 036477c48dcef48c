package io.ticketing.user.domain.model;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/** Login refused. Deliberately the same for an unknown e-mail and a wrong password. */
public final class InvalidCredentials extends DomainProblem {

    public InvalidCredentials() {
        super(ProblemKind.UNAUTHORIZED, "INVALID_CREDENTIALS", "The e-mail address or the password is wrong");
    }
}
