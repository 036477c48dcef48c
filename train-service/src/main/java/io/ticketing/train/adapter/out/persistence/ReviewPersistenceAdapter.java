package io.ticketing.train.adapter.out.persistence;

import java.util.UUID;

import io.ticketing.platform.jdbc.JdbcValues;
import io.ticketing.train.application.port.out.ReviewRepository;
import io.ticketing.train.application.port.out.TravellerRepository;
import io.ticketing.train.domain.model.Review;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TripId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ReviewPersistenceAdapter implements ReviewRepository, TravellerRepository {

    private final JdbcClient jdbc;

    ReviewPersistenceAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Review review) {
        return jdbc.sql("""
                        INSERT INTO review (id, trip_id, user_id, rating, comment, created_at)
                        VALUES (:id, :trip, :user, :rating, :comment, :at)
                        ON CONFLICT ON CONSTRAINT review_one_per_user DO NOTHING""")
                .param("id", review.id().value())
                .param("trip", review.tripId().value())
                .param("user", review.userId())
                .param("rating", review.rating())
                .param("comment", review.comment())
                .param("at", JdbcValues.timestamptz(review.createdAt()))
                .update() == 1;
    }

    @Override
    public void record(TicketId ticketId, TripId tripId, UUID userId) {
        jdbc.sql("""
                        INSERT INTO trip_traveller (ticket_id, trip_id, user_id) VALUES (:ticket, :trip, :user)
                        ON CONFLICT (ticket_id) DO NOTHING""")
                .param("ticket", ticketId.value())
                .param("trip", tripId.value())
                .param("user", userId)
                .update();
    }

    @Override
    public void forget(TicketId ticketId) {
        jdbc.sql("DELETE FROM trip_traveller WHERE ticket_id = :ticket").param("ticket", ticketId.value()).update();
    }

    @Override
    public boolean travels(TripId tripId, UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM trip_traveller WHERE trip_id = :trip AND user_id = :user)")
                .param("trip", tripId.value())
                .param("user", userId)
                .query(Boolean.class)
                .single();
    }
}
