package io.ticketing.train.application.service;

import java.time.Clock;

import io.ticketing.train.application.port.in.PurgeClosedTicketsUseCase;
import io.ticketing.train.application.port.out.SeatInventory;
import io.ticketing.train.domain.model.ClosedTicketRetention;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PurgeClosedTicketsService implements PurgeClosedTicketsUseCase {

    private final SeatInventory inventory;
    private final ClosedTicketRetention retention;
    private final Clock clock;

    PurgeClosedTicketsService(SeatInventory inventory, ClosedTicketRetention retention, Clock clock) {
        this.inventory = inventory;
        this.retention = retention;
        this.clock = clock;
    }

    /** One transaction per batch, so a large backlog never holds its row locks for long. */
    @Override
    @Transactional
    public int purgeBatch(int batchSize) {
        return inventory.forgetClosedBefore(retention.forgetClosedBefore(clock.instant()), batchSize);
    }
}
