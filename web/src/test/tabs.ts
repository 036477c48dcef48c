/**
 * Stand-ins for what the tabs of one origin share in a browser: BroadcastChannel, navigator.locks, and a
 * sessionStorage of their own. Imported by the test setup before the client, which opens its channel on load.
 */

type Listener = (event: MessageEvent) => void;

/**
 * Delivers a message to every other open channel of the same name, asynchronously and never to the sender, as
 * BroadcastChannel does between the tabs of an origin. `hold()` keeps messages back until `release()`, to act
 * out a message that arrives late.
 */
export class FakeBroadcastChannel {
  private static readonly open = new Set<FakeBroadcastChannel>();
  private static held: (() => void)[] | null = null;
  /** Every message posted since the last reset, in order. */
  static readonly posted: unknown[] = [];

  onmessage: Listener | null = null;
  private readonly listeners = new Set<Listener>();
  private closed = false;

  constructor(readonly name: string) {
    FakeBroadcastChannel.open.add(this);
  }

  postMessage(message: unknown): void {
    if (this.closed) throw new DOMException('closed', 'InvalidStateError');
    const data = structuredClone(message);
    FakeBroadcastChannel.posted.push(data);
    for (const target of FakeBroadcastChannel.open) {
      if (target === this || target.name !== this.name) continue;
      const deliver = () => target.deliver(data);
      if (FakeBroadcastChannel.held) FakeBroadcastChannel.held.push(deliver);
      else queueMicrotask(deliver);
    }
  }

  addEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    FakeBroadcastChannel.open.delete(this);
  }

  private deliver(data: unknown): void {
    if (this.closed) return;
    const event = new MessageEvent('message', { data });
    this.onmessage?.(event);
    this.listeners.forEach((l) => l(event));
  }

  static hold(): void {
    FakeBroadcastChannel.held ??= [];
  }

  static release(): void {
    const held = FakeBroadcastChannel.held ?? [];
    FakeBroadcastChannel.held = null;
    held.forEach((deliver) => deliver());
  }

  /** Forgets the messages posted and held, and closes every channel but `keep` (those of the tabs a test loaded). */
  static reset(keep: Iterable<FakeBroadcastChannel> = []): void {
    const kept = new Set(keep);
    for (const c of [...FakeBroadcastChannel.open]) if (!kept.has(c)) c.close();
    FakeBroadcastChannel.held = null;
    FakeBroadcastChannel.posted.length = 0;
  }

  static openChannels(): FakeBroadcastChannel[] {
    return [...FakeBroadcastChannel.open];
  }
}

/** Grants one lock at a time, in request order, like navigator.locks across the tabs of an origin. */
export class FakeLocks {
  readonly requested: string[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    this.requested.push(name);
    const granted = this.tail.then(callback);
    this.tail = granted.catch(() => undefined);
    return granted;
  }
}

/** A tab's own sessionStorage: a duplicated tab starts with a copy and then goes its own way. */
export class TabStorage implements Storage {
  private readonly items: Map<string, string>;
  constructor(from?: Storage) {
    const keys = from ? Array.from({ length: from.length }, (_, i) => from.key(i)!) : [];
    this.items = new Map(keys.map((k) => [k, from!.getItem(k)!]));
  }
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

// Node's own BroadcastChannel would carry messages between the test files' workers and keep them alive.
globalThis.BroadcastChannel = FakeBroadcastChannel as unknown as typeof BroadcastChannel;
