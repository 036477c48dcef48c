package io.ticketing.ticket.application.port.in;

import io.ticketing.ticket.domain.model.TicketId;

/** Another replica committed a change to a ticket: wake this replica's readers of it. */
public interface NoticeTicketChangeUseCase {

    void changedElsewhere(TicketId id);
}
