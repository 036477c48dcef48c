package io.ticketing.train.adapter.in.messaging;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.ticketing.proto.common.v1.SeatClass;
import org.jspecify.annotations.Nullable;

/** Wire values -> plain Java, tolerant of absent or malformed fields (the use cases say what is wrong). */
final class ProtoMapping {

    /** Stands for an id that is not a UUID: it matches nothing, so the use case reports it as unknown. */
    static final UUID UNKNOWN_ID = new UUID(0, 0);

    private ProtoMapping() {
    }

    static UUID idOrUnknown(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return UNKNOWN_ID;
        }
    }

    static io.ticketing.train.domain.model.@Nullable SeatClass seatClass(SeatClass seatClass) {
        return switch (seatClass) {
            case SEAT_CLASS_FIRST -> io.ticketing.train.domain.model.SeatClass.FIRST;
            case SEAT_CLASS_SECOND -> io.ticketing.train.domain.model.SeatClass.SECOND;
            default -> null;
        };
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
