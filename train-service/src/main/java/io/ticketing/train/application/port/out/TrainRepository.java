package io.ticketing.train.application.port.out;

import java.util.Optional;

import io.ticketing.train.domain.model.Seat;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.Train;
import io.ticketing.train.domain.model.TrainId;

public interface TrainRepository {

    /** Stores the train with its seats; false when its number is already used. */
    boolean add(Train train);

    /** The train with its seats ordered by wagon and seat number. */
    Optional<Train> find(TrainId id);

    Optional<Seat> findSeat(TrainId trainId, SeatId seatId);
}
