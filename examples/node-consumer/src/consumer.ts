// A durable JetStream consumer of the ticketing events: prints one line per new event, dedupes by
// Nats-Msg-Id, acknowledges, and resumes from its durable position when restarted. See README.md.
import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  type ConsumerConfig,
  type ConsumerInfo,
  type ConsumerMessages,
  type JetStreamManager,
  type JsMsg,
} from "@nats-io/jetstream";
import { readConfig, type Config } from "./config.js";
import { decodeEvent, eventLine } from "./events.js";
import { SeenIds } from "./seen-ids.js";

const out = (line: string) => process.stdout.write(line + "\n");
const log = (line: string) => process.stderr.write(line + "\n");

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const nc = await connect({
    servers: config.servers,
    user: config.user,
    pass: config.password,
    inboxPrefix: config.inboxPrefix,
    name: `ticketing-events-${config.durable}`,
    maxReconnectAttempts: -1,
  });
  const jsm = await jetstreamManager(nc);
  const filtersByStream = await streamsOf(jsm, config.filters);
  const seen = new SeenIds(config.seenCapacity, config.seenFile);

  const subscriptions: ConsumerMessages[] = [];
  for (const [stream, filters] of filtersByStream) {
    await ensureDurable(jsm, stream, filters, config);
    const consumer = await jsm.jetstream().consumers.get(stream, config.durable);
    subscriptions.push(await consumer.consume({ max_messages: 32 }));
  }
  const streams = [...filtersByStream].map(([stream, filters]) => `${stream}:${filters.join(",")}`);
  out(`READY ${config.durable} ${streams.join(" ")}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log(`${signal}: stopping after the messages already received`);
    // close() ends each iterator after the messages it has buffered, which are still handled and acked
    subscriptions.forEach((subscription) => void subscription.close());
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  // One sequential loop per stream: events of a stream are handled in stream order.
  const results = await Promise.allSettled(
    subscriptions.map(async (subscription) => {
      for await (const message of subscription) {
        await handle(message, seen);
      }
    }),
  );
  await close(nc);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure && !stopping) {
    throw failure.reason;
  }
}

async function handle(m: JsMsg, seen: SeenIds): Promise<void> {
  const id = m.headers?.get("Nats-Msg-Id") ?? "";
  if (id && seen.has(id)) {
    log(`DUPLICATE ${m.subject} ${id} stream-seq=${m.seq} delivery=${m.info.deliveryCount}`);
    await acknowledge(m);
    return;
  }
  const decoded = decodeEvent(m.subject, m.headers, m.data);
  switch (decoded.kind) {
    case "event":
      out(eventLine(m.subject, id || `-`, decoded.json));
      break;
    case "unknown":
      log(`UNKNOWN ${m.subject} ${id} ${decoded.reason}: skipped`);
      break;
    case "invalid":
      log(`INVALID ${m.subject} ${id} ${decoded.reason}: terminated`);
      m.term();
      return;
  }
  if (id) {
    seen.add(id);
  }
  await acknowledge(m);
}

/** Double ack: waits until the server confirms, so a confirmed event is never delivered to this durable again. */
async function acknowledge(m: JsMsg): Promise<void> {
  try {
    await m.ackAck();
  } catch (e) {
    // the server redelivers it after ack_wait; the seen ids drop the copy
    log(`ACK-FAILED ${m.subject} stream-seq=${m.seq}: ${(e as Error).message}`);
  }
}

/** Groups the filters by the stream that stores them (a JetStream consumer belongs to one stream). */
async function streamsOf(jsm: JetStreamManager, filters: string[]): Promise<Map<string, string[]>> {
  const byStream = new Map<string, string[]>();
  for (const filter of filters) {
    const stream = await jsm.streams.find(filter);
    byStream.set(stream, [...(byStream.get(stream) ?? []), filter]);
  }
  return byStream;
}

/**
 * Creates the durable consumer on first start; afterwards it already exists and keeps its position (the
 * stream sequence of the last acknowledged event), so a restart resumes where the last run stopped.
 */
async function ensureDurable(jsm: JetStreamManager, stream: string, filters: string[], config: Config): Promise<void> {
  const existing = await consumerInfo(jsm, stream, config.durable);
  if (existing) {
    const current = existing.config.filter_subjects ?? (existing.config.filter_subject ? [existing.config.filter_subject] : []);
    if (current.join(",") !== filters.join(",")) {
      throw new Error(
        `durable ${config.durable} on ${stream} filters ${current.join(",")}, not ${filters.join(",")}: ` +
          `delete it (nats consumer rm ${stream} ${config.durable}) or use another DURABLE`,
      );
    }
    log(
      `durable ${config.durable} on ${stream}: resuming after stream seq ${existing.ack_floor.stream_seq} ` +
        `(${existing.num_pending} pending)${config.startTime ? ", START_TIME ignored" : ""}`,
    );
    return;
  }
  const wanted: Partial<ConsumerConfig> = {
    durable_name: config.durable,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(config.ackWaitSeconds * 1000),
    max_ack_pending: 256,
    deliver_policy: config.startTime ? DeliverPolicy.StartTime : DeliverPolicy.All,
    ...(config.startTime ? { opt_start_time: config.startTime } : {}),
    ...(filters.length === 1 ? { filter_subject: filters[0] } : { filter_subjects: filters }),
  };
  const created = await jsm.consumers.add(stream, wanted);
  log(
    `durable ${config.durable} on ${stream}: created, delivering ${config.startTime ? `from ${config.startTime}` : "the whole stream"} ` +
      `(${created.num_pending} pending)`,
  );
}

async function consumerInfo(jsm: JetStreamManager, stream: string, durable: string): Promise<ConsumerInfo | undefined> {
  try {
    return await jsm.consumers.info(stream, durable);
  } catch (e) {
    if (e instanceof JetStreamApiError && e.code === JetStreamApiCodes.ConsumerNotFound) {
      return undefined;
    }
    throw e;
  }
}

async function close(nc: NatsConnection): Promise<void> {
  if (!nc.isClosed()) {
    await nc.drain();
  }
}

main().catch((e: unknown) => {
  log(`FATAL ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
