package io.ticketing.user.application.port.out;

import java.util.Optional;

import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;

public interface UserRepository {

    Optional<User> findById(UserId id);

    /** Looks up by normalized e-mail. */
    Optional<User> findByEmail(String normalizedEmail);

    boolean existsByEmail(EmailAddress email);

    /** Inserts a new account. @throws io.ticketing.user.domain.model.EmailAlreadyTaken on a duplicate e-mail */
    void add(User user);

    void update(User user);
}
