package io.ticketing.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.google.protobuf.Timestamp;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.test.TestNats;
import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.systemtest.support.Api;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Parallel;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Stack;
import tools.jackson.databind.JsonNode;

/**
 * Reservations per second through train-service itself: TicketRequested events for named seats published on
 * the real TICKETS stream, answered by the running service (consumer, reservation use case, exclusion
 * constraint, outbox, relay) with SeatReserved on TRAINS. Compared with R1, the bare INSERT, in the same run.
 */
final class ReservationBench {

    static void run(Results results, double rawPerSecond) throws Exception {
        Stack.get();
        Session admin = Session.admin();
        List<Network> networks = Parallel.run(4, 2, i -> Network.build(admin, 200, 200));
        List<Map<String, String>> requests = new ArrayList<>();
        for (Network net : networks) {
            for (JsonNode seat : net.seatMap(Api.anonymous(), 0, 3)) {
                for (int segment = 0; segment < 3; segment++) {
                    requests.add(Map.of("trip", net.tripId(), "seat", seat.path("id").asString(),
                            "from", net.stationIds().get(segment), "to", net.stationIds().get(segment + 1)));
                }
            }
        }
        try (Connection nats = Nats.connect(TestNats.url())) {
            JetStream js = nats.jetStream();
            JetStreamSubscription answers = js.subscribe("trains.events.>", PullSubscribeOptions.builder()
                    .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build()).build());
            long start = System.nanoTime();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Map<String, String> r : requests) {
                String id = UUID.randomUUID().toString();
                TicketRequested event = TicketRequested.newBuilder().setTicketId(id)
                        .setUserId(UUID.randomUUID().toString())
                        .setTripId(r.get("trip")).setFromStationId(r.get("from")).setToStationId(r.get("to"))
                        .setSeatId(r.get("seat")).setSeatClass(SeatClass.SEAT_CLASS_UNSPECIFIED)
                        .setPassengerName("Bench")
                        .setRequestedAt(Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000)).build();
                Headers headers = new Headers().put(MessageHeaders.MESSAGE_ID, id)
                        .put(MessageHeaders.EVENT_TYPE, "ticketing.events.v1.TicketRequested");
                acks.add(js.publishAsync(NatsMessage.builder().subject("tickets.events.TicketRequested")
                        .headers(headers).data(event.toByteArray()).build(),
                        PublishOptions.builder().messageId(id).build()));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            int reserved = 0;
            int rejected = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (reserved + rejected < requests.size() && System.nanoTime() < deadline) {
                for (Message m : answers.fetch(500, Duration.ofMillis(500))) {
                    m.ack();
                    if (m.getSubject().endsWith(".SeatReserved")) {
                        reserved++;
                    } else if (m.getSubject().endsWith(".SeatReservationRejected")) {
                        rejected++;
                    }
                }
            }
            double perSecond = reserved / ((System.nanoTime() - start) / 1e9);
            results.add("reservations through train-service",
                    requests.size() + " TicketRequested on JetStream, named seats",
                    Results.rate(perSecond), Results.ratio(perSecond / rawPerSecond) + " of R1; " + reserved
                            + " reserved, " + rejected + " rejected");
        }
    }

    private ReservationBench() {
    }
}
