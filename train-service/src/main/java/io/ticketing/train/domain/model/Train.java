package io.ticketing.train.domain.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.ticketing.platform.error.DomainProblem;

/** A train and its seats, wagon by wagon. */
public record Train(TrainId id, String number, String name, List<Seat> seats) {

    public Train {
        seats = List.copyOf(seats);
    }

    /** Builds a train with one generated seat per place of every planned wagon. */
    public static Train create(TrainId id, String number, String name, List<WagonPlan> wagons,
            Supplier<SeatId> seatIds) {
        if (wagons.isEmpty()) {
            throw DomainProblem.ruleViolated("NO_WAGONS", "A train needs at least one wagon");
        }
        Set<Integer> numbers = new HashSet<>();
        List<Seat> seats = new ArrayList<>();
        for (WagonPlan wagon : wagons.stream().sorted(Comparator.comparingInt(WagonPlan::number)).toList()) {
            if (!numbers.add(wagon.number())) {
                throw DomainProblem.ruleViolated("WAGON_TWICE", "Wagon " + wagon.number() + " appears twice");
            }
            if (wagon.seats() < 1) {
                throw DomainProblem.ruleViolated("EMPTY_WAGON", "Wagon " + wagon.number() + " has no seats");
            }
            for (int seat = 1; seat <= wagon.seats(); seat++) {
                seats.add(new Seat(seatIds.get(), wagon.number(), seat, wagon.seatClass()));
            }
        }
        return new Train(id, number, name, seats);
    }

    public Set<SeatClass> seatClasses() {
        Set<SeatClass> classes = EnumSet.noneOf(SeatClass.class);
        seats.forEach(s -> classes.add(s.seatClass()));
        return classes;
    }
}
