// Settings from the environment (documented in README.md).

export interface Config {
  servers: string[];
  user?: string;
  password?: string;
  inboxPrefix?: string;
  durable: string;
  filters: string[];
  startTime?: string;
  seenFile?: string;
  seenCapacity: number;
  ackWaitSeconds: number;
}

export const DEFAULT_FILTERS = ["users.events.>", "trains.events.>", "tickets.events.>"];

const DURABLE_NAME = /^[A-Za-z0-9_-]+$/;
const INBOX_PREFIX = /^[A-Za-z0-9_-]+$/;

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const durable = env.DURABLE || "node-consumer";
  if (!DURABLE_NAME.test(durable)) {
    throw new Error(`DURABLE must match ${DURABLE_NAME} (it is also a NATS subject token): ${durable}`);
  }
  const filters = list(env.FILTER) ?? DEFAULT_FILTERS;
  let startTime: string | undefined;
  if (env.START_TIME) {
    const parsed = new Date(env.START_TIME);
    if (Number.isNaN(parsed.getTime())) {
      throw new Error(`START_TIME is not an ISO-8601 time: ${env.START_TIME}`);
    }
    startTime = parsed.toISOString();
  }
  if (env.INBOX_PREFIX && !INBOX_PREFIX.test(env.INBOX_PREFIX)) {
    throw new Error(`INBOX_PREFIX must match ${INBOX_PREFIX} (one NATS subject token): ${env.INBOX_PREFIX}`);
  }
  const seenFile = env.SEEN_FILE === "none" ? undefined : env.SEEN_FILE || `${durable}.seen`;
  return {
    servers: list(env.NATS_URL) ?? ["nats://127.0.0.1:4222"],
    user: env.NATS_USER || undefined,
    password: env.NATS_PASSWORD || undefined,
    inboxPrefix: env.INBOX_PREFIX || undefined,
    durable,
    filters,
    startTime,
    seenFile,
    seenCapacity: positive(env.SEEN_CAPACITY, "SEEN_CAPACITY", 10_000),
    ackWaitSeconds: positive(env.ACK_WAIT_SECONDS, "ACK_WAIT_SECONDS", 10),
  };
}

function list(value: string | undefined): string[] | undefined {
  const items = (value ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  return items.length > 0 ? items : undefined;
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (!value) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${name} must be a positive integer: ${value}`);
  }
  return n;
}
