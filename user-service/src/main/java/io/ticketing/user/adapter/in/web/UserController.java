package io.ticketing.user.adapter.in.web;

import io.ticketing.platform.security.CurrentUser;
import io.ticketing.user.application.port.in.GetUserQuery;
import io.ticketing.user.application.port.in.UserProfile;
import io.ticketing.user.domain.model.UserId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    private final GetUserQuery users;

    UserController(GetUserQuery users) {
        this.users = users;
    }

    @GetMapping("/api/v1/users/me")
    UserProfile me() {
        return users.get(new UserId(CurrentUser.require().id()));
    }
}
