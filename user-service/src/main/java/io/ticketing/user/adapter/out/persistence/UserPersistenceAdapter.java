package io.ticketing.user.adapter.out.persistence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.EmailAlreadyTaken;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

@Component
class UserPersistenceAdapter implements UserRepository {

    static final String EMAIL_UNIQUE = "uq_users_email";

    private final UserJpaRepository repository;

    UserPersistenceAdapter(UserJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return repository.findById(id.value()).map(UserPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<User> findByEmail(String normalizedEmail) {
        return repository.findByEmail(normalizedEmail).map(UserPersistenceAdapter::toDomain);
    }

    @Override
    public boolean existsByEmail(EmailAddress email) {
        return repository.existsByEmail(email.value());
    }

    @Override
    public void add(User user) {
        try {
            repository.saveAndFlush(toEntity(user, true));
        } catch (DataIntegrityViolationException e) {
            if (violates(e, EMAIL_UNIQUE)) {
                throw new EmailAlreadyTaken();
            }
            throw e;
        }
    }

    @Override
    public void update(User user) {
        repository.saveAndFlush(toEntity(user, false));
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && constraint.equals(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static UserEntity toEntity(User user, boolean fresh) {
        return new UserEntity(user.id().value(), user.email().value(), user.fullName(),
                user.roles().stream().map(Role::name).toArray(String[]::new), user.passwordHash(), user.createdAt(),
                user.updatedAt(), fresh);
    }

    private static User toDomain(UserEntity e) {
        Set<Role> roles = Arrays.stream(e.roles()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(new UserId(e.getId()), new EmailAddress(e.email()), e.fullName(), roles, e.passwordHash(),
                e.createdAt(), e.updatedAt());
    }
}
