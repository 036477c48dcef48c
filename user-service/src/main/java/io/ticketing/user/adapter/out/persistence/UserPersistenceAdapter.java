package io.ticketing.user.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.ticketing.platform.jdbc.JdbcValues;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.EmailAlreadyTaken;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class UserPersistenceAdapter implements UserRepository {

    private static final String COLUMNS = "id, email, full_name, roles, password_hash, created_at, updated_at";
    private static final String UPDATE = """
            UPDATE users SET email = :email, full_name = :fullName, roles = :roles, password_hash = :passwordHash,
                created_at = :createdAt, updated_at = :updatedAt
            WHERE id = :id""";

    private final JdbcClient jdbc;

    UserPersistenceAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> user(rs))
                .optional();
    }

    @Override
    public Optional<User> findByEmail(String normalizedEmail) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", normalizedEmail)
                .query((rs, n) -> user(rs))
                .optional();
    }

    @Override
    public boolean existsByEmail(EmailAddress email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email = :email)")
                .param("email", email.value())
                .query(Boolean.class)
                .single();
    }

    /**
     * The unique constraint decides concurrent sign-ups: the losing insert waits for the winner to commit and
     * then inserts nothing. Any other violation (a reused id) still fails as an error.
     */
    @Override
    public void add(User user) {
        int inserted = bind(jdbc.sql("""
                        INSERT INTO users (id, email, full_name, roles, password_hash, created_at, updated_at)
                        VALUES (:id, :email, :fullName, :roles, :passwordHash, :createdAt, :updatedAt)
                        ON CONFLICT ON CONSTRAINT uq_users_email DO NOTHING"""), user)
                .update();
        if (inserted == 0) {
            throw new EmailAlreadyTaken();
        }
    }

    /** Writes every column, as JPA's merge did; the account must exist (merge would have inserted it). */
    @Override
    public void update(User user) {
        Sql.expectOneRow(UPDATE, bind(jdbc.sql(UPDATE), user).update());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, User user) {
        return statement
                .param("id", user.id().value())
                .param("email", user.email().value())
                .param("fullName", user.fullName())
                .param("roles", user.roles().stream().map(Role::name).toArray(String[]::new))
                .param("passwordHash", user.passwordHash())
                .param("createdAt", JdbcValues.timestamptz(user.createdAt()))
                .param("updatedAt", JdbcValues.timestamptz(user.updatedAt()));
    }

    private static User user(ResultSet rs) throws SQLException {
        Set<Role> roles = Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(new UserId(rs.getObject("id", UUID.class)), new EmailAddress(rs.getString("email")),
                rs.getString("full_name"), roles, rs.getString("password_hash"),
                JdbcValues.requiredInstant(rs, "created_at"), JdbcValues.requiredInstant(rs, "updated_at"));
    }
}
