package io.ticketing.user.application.service;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.user.application.port.in.GetUserQuery;
import io.ticketing.user.application.port.in.UserProfile;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.UserId;
import org.springframework.stereotype.Service;

@Service
class GetUserService implements GetUserQuery {

    private final UserRepository users;

    GetUserService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserProfile get(UserId id) {
        return users.findById(id).map(UserProfile::of)
                .orElseThrow(() -> DomainProblem.notFound("No such user"));
    }
}
