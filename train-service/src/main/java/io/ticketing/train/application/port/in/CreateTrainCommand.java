package io.ticketing.train.application.port.in;

import java.util.List;

import io.ticketing.platform.error.Validation;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.WagonPlan;
import org.jspecify.annotations.Nullable;

public record CreateTrainCommand(String number, String name, List<Wagon> wagons) {

    public static final int MAX_WAGONS = 50;
    public static final int MAX_SEATS_PER_WAGON = 200;

    /** {@code seatClass} is null when the caller sent none or an unknown one. */
    public record Wagon(int number, @Nullable SeatClass seatClass, int seats) {
    }

    public CreateTrainCommand {
        number = number.strip();
        name = name.strip();
        wagons = List.copyOf(wagons);
        Validation validation = new Validation()
                .require(CommandFields.hasLength(number, 1, 20), "number", "must be 1 to 20 characters")
                .require(CommandFields.hasLength(name, 1, 100), "name", "must be 1 to 100 characters")
                .require(!wagons.isEmpty() && wagons.size() <= MAX_WAGONS, "wagons",
                        "must list 1 to " + MAX_WAGONS + " wagons");
        for (int i = 0; i < wagons.size(); i++) {
            Wagon wagon = wagons.get(i);
            validation
                    .require(wagon.number() >= 1 && wagon.number() <= 99, "wagons[" + i + "].number",
                            "must be between 1 and 99")
                    .require(wagon.seatClass() != null, "wagons[" + i + "].seatClass", "must be FIRST or SECOND")
                    .require(wagon.seats() >= 1 && wagon.seats() <= MAX_SEATS_PER_WAGON, "wagons[" + i + "].seats",
                            "must be between 1 and " + MAX_SEATS_PER_WAGON);
        }
        validation.throwIfInvalid();
    }

    public List<WagonPlan> wagonPlans() {
        return wagons.stream()
                .map(w -> new WagonPlan(w.number(), java.util.Objects.requireNonNull(w.seatClass()), w.seats()))
                .toList();
    }
}
