package io.ticketing.ticket.application.port.in;

import java.util.UUID;

import io.ticketing.platform.error.FieldViolation;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.TicketId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BookTicketCommandTest {

    private static final String TRIP = UUID.randomUUID().toString();
    private static final String FROM = UUID.randomUUID().toString();
    private static final String TO = UUID.randomUUID().toString();

    private static BookTicketCommand command(String trip, String from, String to, String seatId,
            SeatClass seatClass, String name) {
        return new BookTicketCommand(new TicketId(UUID.randomUUID()), UUID.randomUUID(), "hash", trip, from, to,
                seatId, seatClass, name);
    }

    @Test
    void acceptsASeatClassInsteadOfASeat() {
        BookTicketCommand command = command(TRIP, FROM, TO, "", SeatClass.FIRST, " Ada ");

        assertThat(command.violations()).isEmpty();
        assertThat(command.request().passengerName()).isEqualTo("Ada");
        assertThat(command.request().seatId()).isNull();
    }

    @Test
    void acceptsASeatWithoutAClass() {
        assertThat(command(TRIP, FROM, TO, UUID.randomUUID().toString(), null, "Ada").violations()).isEmpty();
    }

    @Test
    void reportsEveryBadField() {
        BookTicketCommand command = command("trip", "", TO, "seat-1", null, "x".repeat(101));

        assertThat(command.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("tripId", "fromStationId", "seatId", "passengerName");
        assertThat(command.request().passengerName()).hasSize(100);
        assertThat(command.request().tripId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\u0000Lovelace", "Ada\nLovelace", "Ada\u0085Lovelace", "Ada\u007f"})
    void refusesControlCharactersInThePassengerNameAndKeepsThemOutOfTheRequest(String name) {
        BookTicketCommand command = command(TRIP, FROM, TO, "", SeatClass.FIRST, name);

        assertThat(command.violations()).extracting(FieldViolation::field).containsExactly("passengerName");
        assertThat(command.request().passengerName()).doesNotContain("\u0000", "\n", "\u0085", "\u007f")
                .startsWith("Ada");
    }

    @Test
    void needsASeatOrAClassAndANameAndDistinctStations() {
        assertThat(command(TRIP, FROM, FROM, "", null, "  ").violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("toStationId", "seatClass", "passengerName");
    }
}
