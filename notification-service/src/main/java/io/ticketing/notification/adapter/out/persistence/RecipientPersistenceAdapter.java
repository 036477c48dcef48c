package io.ticketing.notification.adapter.out.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.Recipient;
import io.ticketing.platform.jdbc.JdbcValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class RecipientPersistenceAdapter implements RecipientRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecipientPersistenceAdapter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Insert or replace in one statement (JPA's merge selected first, so two first saves could collide). */
    @Override
    public void save(Recipient recipient) {
        jdbc.sql("""
                        INSERT INTO recipient (user_id, email, full_name, updated_at)
                        VALUES (:user, :email, :name, :updated)
                        ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, full_name = EXCLUDED.full_name,
                            updated_at = EXCLUDED.updated_at""")
                .param("user", recipient.userId())
                .param("email", recipient.email())
                .param("name", recipient.fullName())
                .param("updated", JdbcValues.timestamptz(clock.instant()))
                .update();
    }

    @Override
    public List<Recipient> findAll(Collection<UUID> userIds) {
        return jdbc.sql("SELECT user_id, email, full_name FROM recipient WHERE user_id = ANY(:users)")
                .param("users", userIds.toArray(UUID[]::new))
                .query((rs, row) -> new Recipient(rs.getObject("user_id", UUID.class), rs.getString("email"),
                        rs.getString("full_name")))
                .list();
    }
}
