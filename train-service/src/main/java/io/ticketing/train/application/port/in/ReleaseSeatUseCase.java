package io.ticketing.train.application.port.in;

public interface ReleaseSeatUseCase {

    /**
     * Frees the ticket's hold, if any (publishing {@code SeatReleased}), and remembers the ticket as closed
     * so a request for it that arrives later is refused.
     */
    void releaseSeat(ReleaseSeatCommand command);
}
