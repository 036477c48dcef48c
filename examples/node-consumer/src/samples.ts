// One example of every event (one booking journey), used by publish-sample and the tests.
import { create, type DescMessage, type Message } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { SeatClass } from "./gen/ticketing/common/v1/common_pb.js";
import { UserRegisteredSchema } from "./gen/ticketing/events/v1/user_events_pb.js";
import {
  RejectionReason,
  SeatReleasedSchema,
  SeatReservationRejectedSchema,
  SeatReservedSchema,
  StopInfoSchema,
  TripCancelledSchema,
  TripScheduledSchema,
} from "./gen/ticketing/events/v1/train_events_pb.js";
import {
  CancellationCause,
  SeatReleaseRequestedSchema,
  TicketBookedSchema,
  TicketCancelledSchema,
  TicketExpiredSchema,
  TicketRejectedSchema,
  TicketRequestedSchema,
} from "./gen/ticketing/events/v1/ticket_events_pb.js";

const userId = "01936f3e-7a10-7c4e-9d2b-5f0a1c2e3d40";
const ticketId = "6b1d3c1e-2f4a-3b8e-9c51-0d7e2a4f6b13";
const tripId = "01936f40-0c55-7e1a-8b3f-2a9d4e6c8f01";
const trainId = "01936f3f-d2a8-7b61-a0c4-7e5f3b2d1a92";
const at = (iso: string) => timestampFromDate(new Date(iso));
const stop = (index: number, stationId: string, stationName: string, arrival?: string, departure?: string) =>
  create(StopInfoSchema, {
    index,
    stationId,
    stationName,
    arrival: arrival ? at(arrival) : undefined,
    departure: departure ? at(departure) : undefined,
  });
const paris = stop(0, "01936f3f-0001-7000-8000-000000000001", "Paris Gare de Lyon", undefined, "2026-12-01T08:15:00Z");
const lyon = stop(1, "01936f3f-0002-7000-8000-000000000002", "Lyon Part-Dieu", "2026-12-01T10:11:00Z", "2026-12-01T10:15:00Z");
const marseille = stop(2, "01936f3f-0003-7000-8000-000000000003", "Marseille Saint-Charles", "2026-12-01T11:50:00Z");
const seat = {
  seatId: "01936f3f-e001-7000-8000-00000000c312",
  wagon: 3,
  number: "3-12",
  seatClass: SeatClass.SECOND,
};
const price = { amount: "49.00", currency: "EUR" };

export interface Sample {
  subject: string;
  schema: DescMessage;
  message: Message;
}

const sample = <D extends DescMessage>(subject: string, schema: D, init: Parameters<typeof create<D>>[1]): Sample => ({
  subject,
  schema,
  message: create(schema, init),
});

/** In publication order for a journey: register, schedule, book, cancel; then the other outcomes. */
export const SAMPLES: readonly Sample[] = [
  sample("users.events.UserRegistered", UserRegisteredSchema, {
    userId,
    email: "ada@example.com",
    fullName: "Ada Lovelace",
    roles: ["USER"],
    registeredAt: at("2026-11-20T09:30:00Z"),
  }),
  sample("trains.events.TripScheduled", TripScheduledSchema, {
    tripId,
    trainId,
    trainNumber: "TGV 6101",
    stops: [paris, lyon, marseille],
    scheduledAt: at("2026-11-20T09:00:00Z"),
  }),
  sample("tickets.events.TicketRequested", TicketRequestedSchema, {
    ticketId,
    userId,
    tripId,
    fromStationId: paris.stationId,
    toStationId: lyon.stationId,
    seatId: "",
    seatClass: SeatClass.SECOND,
    passengerName: "Ada Lovelace",
    requestedAt: at("2026-11-21T14:00:00Z"),
  }),
  sample("trains.events.SeatReserved", SeatReservedSchema, {
    ticketId,
    tripId,
    trainNumber: "TGV 6101",
    seat,
    from: paris,
    to: lyon,
    price,
    reservedAt: at("2026-11-21T14:00:01Z"),
  }),
  sample("tickets.events.TicketBooked", TicketBookedSchema, {
    ticketId,
    userId,
    tripId,
    trainNumber: "TGV 6101",
    from: paris,
    to: lyon,
    seat,
    price,
    passengerName: "Ada Lovelace",
    bookedAt: at("2026-11-21T14:00:01Z"),
  }),
  sample("tickets.events.TicketCancelled", TicketCancelledSchema, {
    ticketId,
    userId,
    tripId,
    trainNumber: "TGV 6101",
    from: paris,
    to: lyon,
    seat,
    cause: CancellationCause.BY_TRAVELLER,
    cancelledAt: at("2026-11-25T18:42:00Z"),
  }),
  sample("trains.events.SeatReleased", SeatReleasedSchema, {
    ticketId,
    tripId,
    seatId: seat.seatId,
    fromIndex: 0,
    toIndex: 1,
    releasedAt: at("2026-11-25T18:42:01Z"),
  }),
  sample("trains.events.SeatReservationRejected", SeatReservationRejectedSchema, {
    ticketId,
    tripId,
    reason: RejectionReason.SEAT_TAKEN,
    detail: "seat 3-12 is taken on Paris Gare de Lyon - Lyon Part-Dieu",
    rejectedAt: at("2026-11-21T14:00:01Z"),
  }),
  sample("tickets.events.TicketRejected", TicketRejectedSchema, {
    ticketId,
    userId,
    tripId,
    reason: RejectionReason.SEAT_TAKEN,
    detail: "seat 3-12 is taken on Paris Gare de Lyon - Lyon Part-Dieu",
    passengerName: "Ada Lovelace",
    rejectedAt: at("2026-11-21T14:00:01Z"),
  }),
  sample("tickets.events.TicketExpired", TicketExpiredSchema, {
    ticketId,
    userId,
    tripId,
    expiredAt: at("2026-11-21T14:05:00Z"),
  }),
  sample("tickets.events.SeatReleaseRequested", SeatReleaseRequestedSchema, {
    ticketId,
    tripId,
    requestedAt: at("2026-11-21T14:05:02Z"),
  }),
  sample("trains.events.TripCancelled", TripCancelledSchema, {
    tripId,
    trainNumber: "TGV 6101",
    cancelledAt: at("2026-11-28T07:00:00Z"),
  }),
];
