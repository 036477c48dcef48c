package io.ticketing.train.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.ticketing.platform.error.Validation;
import io.ticketing.train.domain.model.Money;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TrainId;
import org.jspecify.annotations.Nullable;

/**
 * An operator's plan: the train, its stops in order (no arrival at the first, no departure at the last)
 * and one fare per class for each leg between consecutive stops. Checks the shape here (400); the trip's
 * rules are the domain's (422).
 */
public record ScheduleTripCommand(String trainId, List<StopPlan> stops, List<FarePlan> fares) {

    public static final int MAX_STOPS = 100;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public record StopPlan(String stationId, @Nullable Instant arrival, @Nullable Instant departure) {
    }

    /** {@code seatClass} is null when the caller sent none or an unknown one. */
    public record FarePlan(@Nullable SeatClass seatClass, String amount, String currency) {
    }

    public ScheduleTripCommand {
        stops = List.copyOf(stops);
        fares = List.copyOf(fares);
        Validation validation = new Validation()
                .require(CommandFields.isUuid(trainId), "trainId", "must be a UUID")
                .require(stops.size() >= 2 && stops.size() <= MAX_STOPS, "stops",
                        "must list 2 to " + MAX_STOPS + " stops")
                .require(!fares.isEmpty(), "fares", "must give a fare per class");
        for (int i = 0; i < stops.size(); i++) {
            StopPlan stop = stops.get(i);
            String field = "stops[" + i + "]";
            boolean first = i == 0;
            boolean last = i == stops.size() - 1;
            validation
                    .require(CommandFields.isUuid(stop.stationId()), field + ".stationId", "must be a UUID")
                    .require(first || stop.arrival() != null, field + ".arrival", "is required")
                    .require(!first || stop.arrival() == null, field + ".arrival", "must be absent at the first stop")
                    .require(last || stop.departure() != null, field + ".departure", "is required")
                    .require(!last || stop.departure() == null, field + ".departure",
                            "must be absent at the last stop");
        }
        for (int i = 0; i < fares.size(); i++) {
            FarePlan fare = fares.get(i);
            String field = "fares[" + i + "]";
            int index = i;
            validation
                    .require(fare.seatClass() != null, field + ".seatClass", "must be FIRST or SECOND")
                    .require(fare.seatClass() == null || fares.subList(0, index).stream()
                            .noneMatch(f -> f.seatClass() == fare.seatClass()), field + ".seatClass", "appears twice")
                    .require(AMOUNT.matcher(fare.amount()).matches(), field + ".amount",
                            "must be a non-negative decimal with at most 2 decimals")
                    .require(CURRENCY.matcher(fare.currency()).matches(), field + ".currency",
                            "must be an ISO 4217 code");
        }
        validation.throwIfInvalid();
    }

    public TrainId train() {
        return new TrainId(UUID.fromString(trainId));
    }

    public List<StationId> stationIds() {
        return stops.stream().map(s -> new StationId(UUID.fromString(s.stationId()))).toList();
    }

    public Map<SeatClass, Money> fareMap() {
        Map<SeatClass, Money> map = new EnumMap<>(SeatClass.class);
        fares.forEach(f -> map.put(java.util.Objects.requireNonNull(f.seatClass()),
                new Money(new BigDecimal(f.amount()), f.currency())));
        return map;
    }
}
