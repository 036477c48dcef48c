package io.ticketing.user.application.port.in;

import io.ticketing.user.domain.model.UserId;

public interface GetUserQuery {

    /** @throws io.ticketing.platform.error.DomainProblem NOT_FOUND when there is no such account */
    UserProfile get(UserId id);
}
