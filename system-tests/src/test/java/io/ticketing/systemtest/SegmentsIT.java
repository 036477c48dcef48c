package io.ticketing.systemtest;

import io.ticketing.systemtest.support.Api;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import io.ticketing.systemtest.support.Tickets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SystemTest
class SegmentsIT {

    @Test
    void aSeatSoldForOneSegmentIsStillSoldForTheNextButNotAcrossBoth() {
        Session admin = Session.admin();
        Session ann = Session.register("Ann Segment");
        Network net = Network.build(admin, 2, 2);
        String seatId = net.seatMap(Api.anonymous(), 0, 1).get(0).path("id").asString();

        String ab = Tickets.book(ann, net.booking(0, 1, seatId, null, "Ann"));
        String bc = Tickets.book(ann, net.booking(1, 2, seatId, null, "Ann"));
        assertThat(Tickets.awaitSettled(ann, ab).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(Tickets.awaitSettled(ann, bc).path("status").asString()).isEqualTo("CONFIRMED");
        Summary.count("bookings confirmed", 2);

        String ac = Tickets.book(ann, net.booking(0, 2, seatId, null, "Ann"));
        JsonNode rejected = Tickets.awaitSettled(ann, ac);
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asString()).isEqualTo("SEAT_TAKEN");
        Summary.count("bookings rejected");
        Summary.count("journeys passed");
    }
}
