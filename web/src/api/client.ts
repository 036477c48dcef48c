import { backoffDelay, parseRetryAfter } from './retry';
import type { Tokens } from './types';

export type FieldError = { field: string; message: string };

/** An error answer (application/problem+json) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    /** How long the server asked to wait before trying again (Retry-After), if it said. */
    readonly retryAfterMs?: number,
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }

  /** The message for one input field, if the server rejected it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

type Session = { accessToken: string; refreshToken: string; expiresAt: number };

// The access token lives only in memory. The refresh token is kept in sessionStorage so a reload of
// the tab keeps the traveller logged in; it rotates on every refresh.
const REFRESH_KEY = 'ticketing.refreshToken';
const REFRESH_EARLY_MS = 30_000;

// A duplicated tab starts with a copy of this tab's sessionStorage, so both hold the same single-use refresh
// token; presenting a used one revokes the whole login. The copy carries along an id of the login: the tabs that
// hold it refresh one at a time under a Web Lock and tell each other every rotation (and the end of the login) over
// a BroadcastChannel, so each keeps the newest token in its own sessionStorage. No token is ever written to
// localStorage: it would outlive the browser session (a shared computer), sessionStorage dies with the tab.
const SESSION_ID_KEY = 'ticketing.sessionId';
// how many rotations of this login this tab knows of; a late message about an older rotation is ignored
const GENERATION_KEY = 'ticketing.refreshGeneration';
const CHANNEL_NAME = 'ticketing.session';
const REFRESH_LOCK = 'ticketing.refresh';
// a refresh refused because a sibling tab rotated the token meanwhile is tried once more with the newer token
const REFRESH_ATTEMPTS = 2;

// A refresh refused for now (429 rate limit, 503, network) keeps the session and is tried again later.
const REFRESH_RETRY_MS = 5_000;
const REFRESH_RETRY_MAX_MS = 60_000;
// a caller waits this long at most for the next allowed attempt; beyond it the refresh fails at once
const REFRESH_MAX_WAIT_MS = 10_000;

// Captured once: a test loads a second copy of this module with another sessionStorage, as a second tab.
const tabStorage = storage(() => globalThis.sessionStorage);

let session: Session | null = null;
let refreshing: Promise<boolean> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshFailures = 0;
let refreshNotBefore = 0;
// changes whenever this tab's login ends or a new one starts: an answer for the old login is dropped
let sessionEpoch = 0;
const listeners = new Set<() => void>();

type TabMessage =
  | { type: 'rotated'; sessionId: string; refreshToken: string; generation: number }
  | { type: 'ended'; sessionId: string };

const channel = openChannel();

export function accessToken(): string | null {
  return session?.accessToken ?? null;
}

/** True without an access token, or when it expires within `withinMs`. */
export function accessTokenExpiresSoon(withinMs = REFRESH_EARLY_MS): boolean {
  return !session || session.expiresAt - Date.now() <= withinMs;
}

export function hasStoredSession(): boolean {
  return tabStorage?.getItem(REFRESH_KEY) != null;
}

/** Subscribes to token changes (login, refresh, logout); returns the unsubscribe function. */
export function onTokensChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A login: a new family of tokens under a new id, apart from the login this tab may have shared before. */
export function startSession(tokens: Tokens): void {
  sessionEpoch++;
  tabStorage?.removeItem(SESSION_ID_KEY);
  tabStorage?.removeItem(GENERATION_KEY);
  setTokens(tokens);
}

/** New tokens of this tab's login (told to its sibling tabs), or null: the login ended (in its sibling tabs too). */
export function setTokens(tokens: Tokens | null): void {
  if (!tokens) {
    endSession(true);
    return;
  }
  clearTimeout(refreshTimer);
  refreshFailures = 0;
  refreshNotBefore = 0;
  const lifetimeMs = Math.max(tokens.expiresIn, 0) * 1000;
  session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + lifetimeMs };
  tabStorage?.setItem(REFRESH_KEY, tokens.refreshToken);
  const generation = knownGeneration() + 1;
  tabStorage?.setItem(GENERATION_KEY, String(generation));
  const id = sessionId();
  if (id) tellSiblings({ type: 'rotated', sessionId: id, refreshToken: tokens.refreshToken, generation });
  // refresh shortly before the access token expires, so long-lived streams keep a valid token
  scheduleRefresh(Math.max(lifetimeMs - REFRESH_EARLY_MS, 5_000));
  listeners.forEach((l) => l());
}

function endSession(tellOthers: boolean): void {
  clearTimeout(refreshTimer);
  refreshFailures = 0;
  refreshNotBefore = 0;
  sessionEpoch++;
  session = null;
  const id = tabStorage?.getItem(SESSION_ID_KEY);
  tabStorage?.removeItem(REFRESH_KEY);
  tabStorage?.removeItem(SESSION_ID_KEY);
  tabStorage?.removeItem(GENERATION_KEY);
  if (id && tellOthers) tellSiblings({ type: 'ended', sessionId: id });
  listeners.forEach((l) => l());
}

/** The newest refresh token of this login this tab knows of: a sibling tab may have rotated the one it last used. */
export function currentRefreshToken(): string | null {
  return session?.refreshToken ?? tabStorage?.getItem(REFRESH_KEY) ?? null;
}

/** Trades the refresh token for new tokens; concurrent callers share one request (the token rotates). */
export function refreshTokens(): Promise<boolean> {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function doRefresh(): Promise<boolean> {
  const wait = refreshNotBefore - Date.now();
  if (wait > REFRESH_MAX_WAIT_MS) return false;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return withRefreshLock(refreshOnce);
}

async function refreshOnce(): Promise<boolean> {
  const epoch = sessionEpoch;
  for (let attempt = 1; ; attempt++) {
    // read inside the lock: the tab that held it before may have just rotated the token and told this one
    const refreshToken = currentRefreshToken();
    if (!refreshToken) return false;
    try {
      const tokens = await request<Tokens>('POST', '/api/v1/auth/refresh', { body: { refreshToken }, auth: false });
      // logged out (here or in a sibling tab) while the request was out: the new tokens belong to no one
      if (epoch !== sessionEpoch) return false;
      setTokens(tokens);
      return true;
    } catch (e) {
      if (epoch !== sessionEpoch) return false;
      // a rejected token ends the session; a busy or unreachable server keeps it for a later try
      if (e instanceof ApiError && !isTemporary(e.status)) {
        // the news of a sibling's rotation came only after this tab presented the old token, which the server
        // refuses without revoking the login shortly after a rotation: the newer token still works
        if (attempt < REFRESH_ATTEMPTS && currentRefreshToken() !== refreshToken) continue;
        endSession(true);
        return false;
      }
      const retryAfterMs = e instanceof ApiError ? (e.retryAfterMs ?? 0) : 0;
      const delay = Math.max(retryAfterMs, backoffDelay(refreshFailures++, REFRESH_RETRY_MS, REFRESH_RETRY_MAX_MS));
      refreshNotBefore = Date.now() + delay;
      if (session) scheduleRefresh(delay);
      return false;
    }
  }
}

function isTemporary(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshTokens(), delayMs);
}

/**
 * Web Locks where sibling tabs can also be told of rotations; without either (older browsers, plain-http origins)
 * each tab refreshes on its own, as a single tab always did.
 */
function tabLocks(): LockManager | null {
  const locks = globalThis.navigator?.locks;
  return channel && locks ? locks : null;
}

async function withRefreshLock(task: () => Promise<boolean>): Promise<boolean> {
  const locks = tabLocks();
  return locks ? await locks.request(REFRESH_LOCK, async () => {
    // the tab that held the lock told its rotation before letting go, but the lock may reach this tab before the
    // message does: one turn of the event loop lets a message already queued be handled before the token is read
    await new Promise((resolve) => setTimeout(resolve, 0));
    return task();
  }) : task();
}

function tellSiblings(message: TabMessage): void {
  if (!tabLocks()) return;
  try {
    channel?.postMessage(message);
  } catch {
    // a closed channel: this tab goes on alone
  }
}

function openChannel(): BroadcastChannel | null {
  const Channel = globalThis.BroadcastChannel;
  if (typeof Channel !== 'function' || !tabStorage) return null;
  try {
    const opened = new Channel(CHANNEL_NAME);
    opened.onmessage = (event: MessageEvent) => heardFromSibling(event.data);
    return opened;
  } catch {
    return null;
  }
}

/** A sibling tab of this login rotated its refresh token, or the login ended there. Other logins are ignored. */
function heardFromSibling(message: unknown): void {
  if (!isTabMessage(message)) return;
  const id = tabStorage?.getItem(SESSION_ID_KEY);
  if (!id || message.sessionId !== id) return;
  if (message.type === 'ended') {
    endSession(false);
    return;
  }
  if (message.generation <= knownGeneration()) return;
  // the token this tab holds is used up now; its access token stays good until it expires
  if (session) session.refreshToken = message.refreshToken;
  tabStorage?.setItem(REFRESH_KEY, message.refreshToken);
  tabStorage?.setItem(GENERATION_KEY, String(message.generation));
}

function isTabMessage(data: unknown): data is TabMessage {
  const m = data as Partial<Record<string, unknown>> | null;
  if (typeof m !== 'object' || m === null || typeof m.sessionId !== 'string') return false;
  if (m.type === 'ended') return true;
  return m.type === 'rotated' && typeof m.refreshToken === 'string' && typeof m.generation === 'number';
}

function knownGeneration(): number {
  const generation = Number(tabStorage?.getItem(GENERATION_KEY) ?? 0);
  return Number.isFinite(generation) ? generation : 0;
}

function sessionId(): string | null {
  if (!tabStorage) return null;
  let id = tabStorage.getItem(SESSION_ID_KEY);
  if (!id) {
    id = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    tabStorage.setItem(SESSION_ID_KEY, id);
  }
  return id;
}

export type RequestOptions = {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the access token (default). A 401 then triggers one silent refresh and a retry. */
  auth?: boolean;
  signal?: AbortSignal;
};

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { auth = true } = options;
  let response = await send(method, path, options, auth);
  if (response.status === 401 && auth && currentRefreshToken() && (await refreshTokens())) {
    response = await send(method, path, options, auth);
  }
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response, body);
  return body as T;
}

async function send(method: string, path: string, options: RequestOptions, auth: boolean): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = accessToken();
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Network error', 'The server cannot be reached. Check your connection and try again.');
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as {
    title?: string;
    detail?: string;
    errors?: FieldError[];
  };
  let detail = problem.detail;
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  if ((response.status === 429 || response.status === 503) && retryAfterMs !== undefined) {
    const fallback = response.status === 429 ? 'Too many attempts.' : 'The service is unavailable.';
    detail = `${detail ?? fallback} Try again in ${Math.max(Math.ceil(retryAfterMs / 1000), 1)} s.`;
  }
  return new ApiError(
    response.status,
    problem.title ?? (response.statusText || `Error ${response.status}`),
    detail,
    Array.isArray(problem.errors) ? problem.errors : [],
    retryAfterMs,
  );
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The storage, or null where the browser refuses it (sandboxed frames, some private modes). */
function storage(get: () => Storage | undefined): Storage | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}
