package io.ticketing.gateway.adapter.in.web;

import io.ticketing.gateway.domain.SeatClass;

final class ProtoMapping {

    private ProtoMapping() {
    }

    static io.ticketing.proto.common.v1.SeatClass seatClass(SeatClass seatClass) {
        return switch (seatClass) {
            case FIRST -> io.ticketing.proto.common.v1.SeatClass.SEAT_CLASS_FIRST;
            case SECOND -> io.ticketing.proto.common.v1.SeatClass.SEAT_CLASS_SECOND;
        };
    }
}
