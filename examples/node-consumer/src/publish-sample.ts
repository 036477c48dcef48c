// Publishes sample events the way the services' outbox relay does (same subjects and headers), to try the
// consumer without the stack:
//   node dist/src/publish-sample.js [--create-streams] <EventName|all> [Nats-Msg-Id]
import { randomUUID } from "node:crypto";
import { connect, headers, nanos } from "@nats-io/transport-node";
import { JetStreamApiCodes, JetStreamApiError, jetstreamManager, StorageType, type JetStreamManager } from "@nats-io/jetstream";
import { toBinary } from "@bufbuild/protobuf";
import { readConfig } from "./config.js";
import { PROTOBUF_CONTENT_TYPE } from "./events.js";
import { SAMPLES } from "./samples.js";

/** The platform's streams (platform/.../messaging/Streams.java, StreamProvisioner.java). */
const STREAMS: Record<string, string> = {
  USERS: "users.events.>",
  TRAINS: "trains.events.>",
  TICKETS: "tickets.events.>",
  COMMANDS: "commands.>",
  DLQ: "dlq.>",
};
const DAY_MS = 24 * 60 * 60 * 1000;

async function createStreams(jsm: JetStreamManager): Promise<void> {
  for (const [name, subjects] of Object.entries(STREAMS)) {
    try {
      await jsm.streams.info(name);
    } catch (e) {
      if (!(e instanceof JetStreamApiError && e.code === JetStreamApiCodes.StreamNotFound)) {
        throw e;
      }
      await jsm.streams.add({
        name,
        subjects: [subjects],
        storage: StorageType.File,
        duplicate_window: nanos(2 * 60 * 1000),
        max_age: nanos(30 * DAY_MS),
      });
      console.error(`created stream ${name} (${subjects})`);
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const create = args[0] === "--create-streams";
  const [which, fixedId] = create ? args.slice(1) : args;
  const config = readConfig(process.env);
  const nc = await connect({ servers: config.servers, user: config.user, pass: config.password });
  const jsm = await jetstreamManager(nc);
  if (create) {
    await createStreams(jsm);
  }
  const chosen = !which ? [] : which === "all" ? SAMPLES : SAMPLES.filter((s) => s.subject.endsWith(`.${which}`));
  if (which && chosen.length === 0) {
    throw new Error(`no sample event named ${which}`);
  }
  const js = jsm.jetstream();
  for (const sample of chosen) {
    const id = fixedId && chosen.length === 1 ? fixedId : randomUUID();
    const h = headers();
    h.set("event-type", sample.schema.typeName);
    h.set("content-type", PROTOBUF_CONTENT_TYPE);
    h.set("correlation-id", randomUUID());
    const ack = await js.publish(sample.subject, toBinary(sample.schema, sample.message), { msgID: id, headers: h });
    console.log(`PUBLISHED ${sample.subject} ${id} stream=${ack.stream} seq=${ack.seq} duplicate=${ack.duplicate}`);
  }
  await nc.drain();
}

main().catch((e: unknown) => {
  console.error(`FATAL ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
