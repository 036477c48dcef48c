package io.ticketing.ticket.application.port.in;

/** Applies train-service's answer to a ticket request; duplicates and late answers are harmless. */
public interface SettleReservationUseCase {

    void confirm(ConfirmTicketCommand command);

    void reject(RejectTicketCommand command);
}
