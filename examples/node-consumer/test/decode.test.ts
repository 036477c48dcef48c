import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { equals, fromJsonString, toBinary, type DescMessage } from "@bufbuild/protobuf";
import { decodeEvent, EVENT_FILES, EVENTS, eventLine } from "../src/events.js";
import { SAMPLES } from "../src/samples.js";

const headersOf = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? "" });
const protobufHeaders = (schema: DescMessage) =>
  headersOf({ "event-type": schema.typeName, "content-type": "application/x-protobuf" });

test("every message of the event files is a known event, except the helper StopInfo", () => {
  const messages = EVENT_FILES.flatMap((file) => file.messages.map((m) => m.typeName)).sort();
  const known = [...EVENTS.values()].map((schema) => schema.typeName);
  assert.deepEqual([...known, "ticketing.events.v1.StopInfo"].sort(), messages);
  for (const [subject, schema] of EVENTS) {
    assert.equal(subject.split(".").pop(), schema.name, subject);
  }
});

test("decodes every event from its protobuf bytes, by the event-type header", () => {
  assert.equal(SAMPLES.length, EVENTS.size);
  for (const sample of SAMPLES) {
    const bytes = toBinary(sample.schema, sample.message);
    const decoded = decodeEvent(sample.subject, protobufHeaders(sample.schema), bytes);
    assert.equal(decoded.kind, "event", sample.subject);
    if (decoded.kind === "event") {
      assert.equal(decoded.typeName, sample.schema.typeName);
      assert.ok(equals(sample.schema, decoded.message, sample.message), sample.subject);
      assert.ok(equals(sample.schema, fromJsonString(sample.schema, decoded.json), sample.message));
    }
  }
});

test("prints the protobuf JSON mapping on one line", () => {
  const booked = SAMPLES.find((s) => s.subject === "tickets.events.TicketBooked")!;
  const decoded = decodeEvent(booked.subject, undefined, toBinary(booked.schema, booked.message));
  assert.equal(decoded.kind, "event");
  if (decoded.kind !== "event") return;
  const line = eventLine(booked.subject, "0193-id", decoded.json);
  assert.match(line, /^EVENT tickets\.events\.TicketBooked 0193-id \{.*\}$/);
  assert.ok(!line.includes("\n"));
  const json = JSON.parse(decoded.json);
  assert.equal(json.ticketId, "6b1d3c1e-2f4a-3b8e-9c51-0d7e2a4f6b13");
  assert.deepEqual(json.price, { amount: "49.00", currency: "EUR" });
  assert.equal(json.seat.seatClass, "SEAT_CLASS_SECOND");
  assert.equal(json.from.departure, "2026-12-01T08:15:00Z");
  assert.equal(json.bookedAt, "2026-11-21T14:00:01Z");
});

test("without an event-type header the type is the subject's last token in ticketing.events.v1", () => {
  const expired = SAMPLES.find((s) => s.subject === "tickets.events.TicketExpired")!;
  const decoded = decodeEvent(expired.subject, headersOf({}), toBinary(expired.schema, expired.message));
  assert.equal(decoded.kind, "event");
  assert.equal(decoded.typeName, "ticketing.events.v1.TicketExpired");
});

test("an unknown type (a newer event or major version) is reported, not decoded", () => {
  const decoded = decodeEvent(
    "tickets.v2.events.TicketBooked",
    headersOf({ "event-type": "ticketing.events.v2.TicketBooked" }),
    new Uint8Array([10, 1, 65]),
  );
  assert.equal(decoded.kind, "unknown");
  assert.equal(decodeEvent("tickets.events.TicketRefunded", undefined, new Uint8Array()).kind, "unknown");
  assert.equal(
    decodeEvent("tickets.events.TicketBooked", headersOf({ "content-type": "application/json" }), new Uint8Array()).kind,
    "unknown",
  );
});

test("a payload that is not the message, or a type that contradicts the subject, is invalid", () => {
  assert.equal(decodeEvent("tickets.events.TicketBooked", undefined, new Uint8Array([0xff, 0xff, 0xff])).kind, "invalid");
  assert.equal(
    decodeEvent("tickets.events.TicketBooked", headersOf({ "event-type": "ticketing.events.v1.TicketExpired" }), new Uint8Array())
      .kind,
    "invalid",
  );
});

test("the JSON examples of docs/events.md are valid protobuf JSON for their event", { skip: !existsSync("../../docs/events.md") }, () => {
  const doc = readFileSync("../../docs/events.md", "utf8");
  const examples = [...doc.matchAll(/^### (\w+)\n[\s\S]*?```json\n([\s\S]*?)```/gm)];
  const bySchema = new Map([...EVENTS.values()].map((schema) => [schema.name, schema]));
  const seen = new Set<string>();
  for (const [, name, json] of examples) {
    const schema = bySchema.get(name!);
    assert.ok(schema, `docs/events.md has an example for unknown event ${name}`);
    assert.doesNotThrow(() => fromJsonString(schema, json!), `example of ${name}`);
    seen.add(name!);
  }
  assert.deepEqual([...seen].sort(), [...bySchema.keys()].sort());
});
