package io.ticketing.notification.domain.model;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID USER = UUID.randomUUID();
    private static final UUID TICKET = UUID.randomUUID();
    private static final Occasion.Journey JOURNEY = new Occasion.Journey("ICE 7",
            new Occasion.Stop("Hamburg Hbf", Instant.parse("2026-12-24T06:05:00Z")),
            new Occasion.Stop("Köln Hbf", Instant.parse("2026-12-24T10:01:00Z")));

    @Test
    void aBookingNamesTrainRouteTimesSeatAndPrice() {
        Notification n = notify(new Occasion.TicketBooked(USER, TICKET, JOURNEY,
                new Occasion.SeatInfo(2, "2-41", Occasion.SeatClass.FIRST), new Occasion.Price("89.90", "EUR"),
                "Max Muster"));

        assertThat(n.type()).isEqualTo(NotificationType.TICKET_BOOKED);
        assertThat(n.ticketId()).isEqualTo(TICKET);
        assertThat(n.title()).isEqualTo("Ticket confirmed: train ICE 7 from Hamburg Hbf to Köln Hbf");
        assertThat(n.body()).isEqualTo("""
                Your ticket for Max Muster is confirmed.
                Train ICE 7 from Hamburg Hbf (departs Thu 24 Dec 2026, 06:05 UTC) to Köln Hbf \
                (arrives Thu 24 Dec 2026, 10:01 UTC).
                Seat 2-41 (wagon 2, first class).
                Price: 89.90 EUR.
                Ticket %s.""".formatted(TICKET));
    }

    @Test
    void aCancellationWithoutSeatLeavesTheSeatOut() {
        Notification n = notify(new Occasion.TicketCancelled(USER, TICKET, JOURNEY, null,
                Occasion.CancellationCause.BY_OPERATOR));

        assertThat(n.title()).isEqualTo("Ticket cancelled: train ICE 7 from Hamburg Hbf to Köln Hbf");
        assertThat(n.body()).startsWith("Your ticket has been cancelled by our staff.\nTrain ICE 7")
                .doesNotContain("Seat");
    }

    @Test
    void aTripCancellationSaysTheTrainIsCancelled() {
        Notification n = notify(new Occasion.TicketCancelled(USER, TICKET, JOURNEY,
                new Occasion.SeatInfo(2, "2-41", Occasion.SeatClass.FIRST), Occasion.CancellationCause.TRIP_CANCELLED));

        assertThat(n.title()).isEqualTo("Trip cancelled: train ICE 7 from Hamburg Hbf to Köln Hbf");
        assertThat(n.body()).startsWith("Train ICE 7 from Hamburg Hbf to Köln Hbf has been cancelled by the operator");
    }

    @Test
    void everyRejectionReasonReadsAsASentence() {
        for (Occasion.RejectionReason reason : Occasion.RejectionReason.values()) {
            Notification n = notify(new Occasion.TicketRejected(USER, TICKET, UUID.randomUUID(), reason, "", "Max"));
            assertThat(n.title()).startsWith("Booking not possible: ");
            assertThat(n.body()).startsWith("We could not book the ticket for Max: ").doesNotContain("()");
        }
    }

    @Test
    void aWelcomeHasNoTicket() {
        Notification n = notify(new Occasion.UserRegistered(USER, "max@example.org", "Max Muster"));

        assertThat(n.type()).isEqualTo(NotificationType.WELCOME);
        assertThat(n.ticketId()).isNull();
        assertThat(n.userId()).isEqualTo(USER);
        assertThat(n.title()).isEqualTo("Welcome to Ticketing, Max Muster");
    }

    @Test
    void readingKeepsTheFirstTime() {
        Notification n = notify(new Occasion.TicketExpired(USER, TICKET, UUID.randomUUID()));
        assertThat(n.isRead()).isFalse();

        Notification read = n.markRead(NOW.plusSeconds(5)).markRead(NOW.plusSeconds(60));

        assertThat(read.readAt()).isEqualTo(NOW.plusSeconds(5));
    }

    private static Notification notify(Occasion occasion) {
        return Notification.about(occasion, new NotificationId(UUID.randomUUID()), "event-1", NOW);
    }
}
