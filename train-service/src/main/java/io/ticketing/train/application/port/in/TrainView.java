package io.ticketing.train.application.port.in;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.Train;

public record TrainView(UUID id, String number, String name, List<WagonView> wagons) {

    public record WagonView(int number, SeatClass seatClass, List<SeatView> seats) {
    }

    /**
     * {@code seatNumber} is API.md's name for a train's seats ("3-12"); {@code number} holds the same label under
     * the name the seat map and the ticket use, so a client reads a seat the same way everywhere.
     */
    public record SeatView(UUID id, int wagon, String number, String seatNumber, SeatClass seatClass) {
    }

    public static TrainView of(Train train) {
        List<WagonView> wagons = new ArrayList<>();
        List<SeatView> current = new ArrayList<>();
        for (int i = 0; i < train.seats().size(); i++) {
            var seat = train.seats().get(i);
            current.add(new SeatView(seat.id().value(), seat.wagon(), seat.label(), seat.label(), seat.seatClass()));
            boolean wagonEnds = i == train.seats().size() - 1 || train.seats().get(i + 1).wagon() != seat.wagon();
            if (wagonEnds) {
                wagons.add(new WagonView(seat.wagon(), seat.seatClass(), List.copyOf(current)));
                current.clear();
            }
        }
        return new TrainView(train.id().value(), train.number(), train.name(), wagons);
    }
}
