package io.ticketing.ticket.it;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.ticketing.platform.messaging.Ids;
import io.ticketing.platform.test.TestTokens;
import io.ticketing.proto.commands.v1.BookTicket;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@TicketServiceIntegrationTest
class IdempotencyIT extends SagaTestKit {

    private static final String COMMANDS = "ticket-service-commands";

    @Test
    void retryingTheSameCommandConcurrentlyMakesOneTicket() throws Exception {
        UUID user = UUID.randomUUID();
        Booking booking = bookingFor(user);
        // the same id (JetStream de-duplicates) and fresh ids (a retry after the de-duplication window)
        List<String> messageIds = IntStream.range(0, 8)
                .mapToObj(i -> i % 2 == 0 ? booking.ticketId().toString() : Ids.newId().toString())
                .toList();

        publishConcurrently(user, booking.command(), messageIds);

        for (String messageId : messageIds) {
            awaitProcessed(COMMANDS, messageId);
        }
        awaitOutboxDrained();
        assertThat(ticketEvents(TicketRequested.getDefaultInstance(), booking.ticketId())).hasSize(1);
        assertThat(ticketRows(booking.ticketId())).isEqualTo(1);
        Http listed = get(TestTokens.user(user), "/api/v1/tickets");
        assertThat(listed.body().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyKeepsTheFirstRequest() {
        UUID user = UUID.randomUUID();
        Booking booking = bookPending(user);
        String other = Ids.newId().toString();

        publishBooking(user, booking.command().toBuilder().setRequestHash("another-hash").setPassengerName("Eve")
                .build(), other);

        awaitProcessed(COMMANDS, other);
        Http ticket = getTicket(user, booking.ticketId());
        assertThat(storedRequestHash(user, booking.ticketId())).isEqualTo("hash-" + booking.ticketId());
        assertThat(ticket.body().path("passengerName").asString()).isEqualTo("Ada Lovelace");
        awaitOutboxDrained();
        assertThat(ticketEvents(TicketRequested.getDefaultInstance(), booking.ticketId())).hasSize(1);
    }

    private void publishConcurrently(UUID user, BookTicket command, List<String> messageIds) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = messageIds.stream()
                    .<Future<?>>map(id -> executor.submit(() -> publishBooking(user, command, id)))
                    .toList();
            for (Future<?> future : sent) {
                future.get();
            }
        }
    }

    private long ticketRows(UUID ticketId) {
        return jdbc().sql("SELECT count(*) FROM ticket WHERE id = ?").param(ticketId).query(Long.class).single();
    }
}
