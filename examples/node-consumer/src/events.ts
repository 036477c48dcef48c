// Which protobuf message travels on which subject, and how to turn a JetStream message into it.
import { createRegistry, fromBinary, toJsonString, type DescMessage, type Message } from "@bufbuild/protobuf";
import {
  file_ticketing_events_v1_user_events,
  UserRegisteredSchema,
} from "./gen/ticketing/events/v1/user_events_pb.js";
import {
  file_ticketing_events_v1_train_events,
  SeatReleasedSchema,
  SeatReservationRejectedSchema,
  SeatReservedSchema,
  TripCancelledSchema,
  TripScheduledSchema,
} from "./gen/ticketing/events/v1/train_events_pb.js";
import {
  file_ticketing_events_v1_ticket_events,
  SeatReleaseRequestedSchema,
  TicketBookedSchema,
  TicketCancelledSchema,
  TicketExpiredSchema,
  TicketRejectedSchema,
  TicketRequestedSchema,
} from "./gen/ticketing/events/v1/ticket_events_pb.js";

export const EVENT_PACKAGE = "ticketing.events.v1";
export const PROTOBUF_CONTENT_TYPE = "application/x-protobuf";

/** Every event of the v1 contract by subject (`<stream prefix>.events.<MessageName>`, see docs/asyncapi.yaml). */
export const EVENTS: ReadonlyMap<string, DescMessage> = new Map<string, DescMessage>([
  ["users.events.UserRegistered", UserRegisteredSchema],
  ["trains.events.SeatReserved", SeatReservedSchema],
  ["trains.events.SeatReservationRejected", SeatReservationRejectedSchema],
  ["trains.events.SeatReleased", SeatReleasedSchema],
  ["trains.events.TripScheduled", TripScheduledSchema],
  ["trains.events.TripCancelled", TripCancelledSchema],
  ["tickets.events.TicketRequested", TicketRequestedSchema],
  ["tickets.events.TicketBooked", TicketBookedSchema],
  ["tickets.events.TicketRejected", TicketRejectedSchema],
  ["tickets.events.TicketCancelled", TicketCancelledSchema],
  ["tickets.events.TicketExpired", TicketExpiredSchema],
  ["tickets.events.SeatReleaseRequested", SeatReleaseRequestedSchema],
]);

/** The generated event files; everything a consumer can decode (helper messages such as StopInfo included). */
export const EVENT_FILES = [
  file_ticketing_events_v1_user_events,
  file_ticketing_events_v1_train_events,
  file_ticketing_events_v1_ticket_events,
];

const registry = createRegistry(...EVENT_FILES);

/** The headers the decoder reads (a subset of NATS MsgHdrs, so tests can pass a Map). */
export interface HeaderSource {
  get(name: string): string;
}

export type Decoded =
  | { kind: "event"; subject: string; typeName: string; schema: DescMessage; message: Message; json: string }
  // a type this build does not know (a newer event, another major version): acknowledge and skip
  | { kind: "unknown"; subject: string; typeName: string; reason: string }
  // a known type whose payload cannot be parsed: no retry will help
  | { kind: "invalid"; subject: string; typeName: string; reason: string };

/**
 * Decodes one event. The type comes from the `event-type` header (protobuf full name); without it, from the
 * subject's last token in the v1 package. A subject whose last token disagrees with the type is refused.
 */
export function decodeEvent(subject: string, headers: HeaderSource | undefined, data: Uint8Array): Decoded {
  const fromSubject = subject.substring(subject.lastIndexOf(".") + 1);
  const typeName = headers?.get("event-type") || `${EVENT_PACKAGE}.${fromSubject}`;
  const contentType = headers?.get("content-type");
  if (contentType && contentType !== PROTOBUF_CONTENT_TYPE) {
    return { kind: "unknown", subject, typeName, reason: `content-type ${contentType}` };
  }
  const schema = registry.getMessage(typeName);
  if (!schema) {
    return { kind: "unknown", subject, typeName, reason: `no schema for ${typeName}` };
  }
  if (schema.name !== fromSubject) {
    return { kind: "invalid", subject, typeName, reason: `event-type ${typeName} does not match the subject` };
  }
  try {
    const message = fromBinary(schema, data);
    return { kind: "event", subject, typeName, schema, message, json: toJsonString(schema, message) };
  } catch (e) {
    return { kind: "invalid", subject, typeName, reason: (e as Error).message };
  }
}

/** The line printed for each new event: `EVENT <subject> <Nats-Msg-Id> <protobuf JSON on one line>`. */
export function eventLine(subject: string, messageId: string, json: string): string {
  return `EVENT ${subject} ${messageId} ${json}`;
}
