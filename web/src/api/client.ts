import type { Tokens } from './types';

export type FieldError = { field: string; message: string };

/** An error answer (application/problem+json) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
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

let session: Session | null = null;
let refreshing: Promise<boolean> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

export function accessToken(): string | null {
  return session?.accessToken ?? null;
}

export function hasStoredSession(): boolean {
  return storage()?.getItem(REFRESH_KEY) != null;
}

/** Subscribes to token changes (login, refresh, logout); returns the unsubscribe function. */
export function onTokensChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setTokens(tokens: Tokens | null): void {
  clearTimeout(refreshTimer);
  if (tokens) {
    const lifetimeMs = Math.max(tokens.expiresIn, 0) * 1000;
    session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + lifetimeMs };
    storage()?.setItem(REFRESH_KEY, tokens.refreshToken);
    // refresh shortly before the access token expires, so long-lived streams keep a valid token
    refreshTimer = setTimeout(() => void refreshTokens(), Math.max(lifetimeMs - REFRESH_EARLY_MS, 5_000));
  } else {
    session = null;
    storage()?.removeItem(REFRESH_KEY);
  }
  listeners.forEach((l) => l());
}

export function currentRefreshToken(): string | null {
  return session?.refreshToken ?? storage()?.getItem(REFRESH_KEY) ?? null;
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
  const refreshToken = currentRefreshToken();
  if (!refreshToken) return false;
  try {
    const tokens = await request<Tokens>('POST', '/api/v1/auth/refresh', { body: { refreshToken }, auth: false });
    setTokens(tokens);
    return true;
  } catch (e) {
    // a rejected token ends the session; a network failure keeps it for the next try
    if (e instanceof ApiError && e.status !== 0 && e.status < 500) setTokens(null);
    return false;
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
  const retryAfter = response.headers.get('Retry-After');
  if (response.status === 429 && retryAfter) detail = `${detail ?? 'Too many attempts.'} Try again in ${retryAfter} s.`;
  return new ApiError(
    response.status,
    problem.title ?? (response.statusText || `Error ${response.status}`),
    detail,
    Array.isArray(problem.errors) ? problem.errors : [],
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

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
