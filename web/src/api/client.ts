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
// token; using it twice revokes the whole family. The tabs of one login therefore share the newest token in
// localStorage, under an id of the login that the copy carries along, and refresh one at a time under a Web Lock.
const SESSION_ID_KEY = 'ticketing.sessionId';
const SHARED_PREFIX = 'ticketing.session.';
const SHARED_MAX_AGE_MS = 14 * 24 * 3600_000; // user-service's refresh-token-ttl; older entries are dead
const REFRESH_LOCK = 'ticketing.refresh';

// A refresh refused for now (429 rate limit, 503, network) keeps the session and is tried again later.
const REFRESH_RETRY_MS = 5_000;
const REFRESH_RETRY_MAX_MS = 60_000;
// a caller waits this long at most for the next allowed attempt; beyond it the refresh fails at once
const REFRESH_MAX_WAIT_MS = 10_000;

// Captured once: a test loads a second copy of this module with another sessionStorage, as a second tab.
const tabStorage = storage(() => globalThis.sessionStorage);
const sharedStorage = storage(() => globalThis.localStorage);

let session: Session | null = null;
let refreshing: Promise<boolean> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshFailures = 0;
let refreshNotBefore = 0;
const listeners = new Set<() => void>();

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

export function setTokens(tokens: Tokens | null): void {
  clearTimeout(refreshTimer);
  refreshFailures = 0;
  refreshNotBefore = 0;
  if (tokens) {
    const lifetimeMs = Math.max(tokens.expiresIn, 0) * 1000;
    session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + lifetimeMs };
    tabStorage?.setItem(REFRESH_KEY, tokens.refreshToken);
    shareRefreshToken(tokens.refreshToken);
    // refresh shortly before the access token expires, so long-lived streams keep a valid token
    scheduleRefresh(Math.max(lifetimeMs - REFRESH_EARLY_MS, 5_000));
  } else {
    session = null;
    const id = tabStorage?.getItem(SESSION_ID_KEY);
    if (id) sharedStorage?.removeItem(SHARED_PREFIX + id);
    tabStorage?.removeItem(REFRESH_KEY);
    tabStorage?.removeItem(SESSION_ID_KEY);
  }
  listeners.forEach((l) => l());
}

/** The newest refresh token of this login: another tab of it may have rotated the one this tab last used. */
export function currentRefreshToken(): string | null {
  return sharedRefreshToken() ?? session?.refreshToken ?? tabStorage?.getItem(REFRESH_KEY) ?? null;
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
  // read inside the lock: the tab that held it before may have just rotated the token
  const refreshToken = currentRefreshToken();
  if (!refreshToken) return false;
  try {
    const tokens = await request<Tokens>('POST', '/api/v1/auth/refresh', { body: { refreshToken }, auth: false });
    setTokens(tokens);
    return true;
  } catch (e) {
    // a rejected token ends the session; a busy or unreachable server keeps it for a later try
    if (e instanceof ApiError && !isTemporary(e.status)) {
      setTokens(null);
      return false;
    }
    const retryAfterMs = e instanceof ApiError ? (e.retryAfterMs ?? 0) : 0;
    const delay = Math.max(retryAfterMs, backoffDelay(refreshFailures++, REFRESH_RETRY_MS, REFRESH_RETRY_MAX_MS));
    refreshNotBefore = Date.now() + delay;
    if (session) scheduleRefresh(delay);
    return false;
  }
}

function isTemporary(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshTokens(), delayMs);
}

async function withRefreshLock(task: () => Promise<boolean>): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  // without Web Locks (older browsers, plain-http origins) each tab refreshes on its own, as it always did
  return locks ? await locks.request(REFRESH_LOCK, task) : task();
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

type SharedEntry = { refreshToken: string; updatedAt: number };

function shareRefreshToken(refreshToken: string): void {
  const id = sessionId();
  if (!id || !sharedStorage) return;
  forgetDeadSessions(sharedStorage);
  try {
    sharedStorage.setItem(SHARED_PREFIX + id, JSON.stringify({ refreshToken, updatedAt: Date.now() } satisfies SharedEntry));
  } catch {
    // storage full or refused: drop the entry rather than leave an older token there; this tab works on its own
    sharedStorage.removeItem(SHARED_PREFIX + id);
  }
}

function sharedRefreshToken(): string | null {
  const id = tabStorage?.getItem(SESSION_ID_KEY);
  return (id && readShared(SHARED_PREFIX + id)?.refreshToken) || null;
}

function readShared(key: string): SharedEntry | null {
  try {
    const entry = JSON.parse(sharedStorage?.getItem(key) ?? 'null') as SharedEntry | null;
    return typeof entry?.refreshToken === 'string' && typeof entry.updatedAt === 'number' ? entry : null;
  } catch {
    return null;
  }
}

/** Removes the entries of logins whose tabs were closed without logging out, once their tokens expired. */
function forgetDeadSessions(shared: Storage): void {
  const now = Date.now();
  for (let i = shared.length - 1; i >= 0; i--) {
    const key = shared.key(i);
    if (!key?.startsWith(SHARED_PREFIX)) continue;
    const entry = readShared(key);
    if (!entry || now - entry.updatedAt > SHARED_MAX_AGE_MS) shared.removeItem(key);
  }
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
