package io.ticketing.ticket.application.port.in;

import java.time.Duration;
import java.util.UUID;

import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;

public interface GetTicketQuery {

    /** @throws io.ticketing.ticket.domain.model.TicketNotFound when unknown or not visible to the viewer */
    Ticket get(TicketId id, Viewer viewer);

    /**
     * Like {@link #get}, but while the ticket is PENDING waits up to {@code maxWait} for it to settle. Holds no
     * database connection while waiting.
     */
    Ticket awaitSettled(TicketId id, Viewer viewer, Duration maxWait);

    /** The user's own tickets, newest first. */
    TicketPage listOwn(UUID userId, int page, int size);
}
