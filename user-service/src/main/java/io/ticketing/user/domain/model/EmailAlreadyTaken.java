package io.ticketing.user.domain.model;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/** Another account already uses the e-mail address (409). */
public final class EmailAlreadyTaken extends DomainProblem {

    public EmailAlreadyTaken() {
        super(ProblemKind.CONFLICT, "EMAIL_TAKEN",
                "An account with this e-mail address already exists");
    }
}
