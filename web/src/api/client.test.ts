import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../test/api';
import { accessToken, ApiError, refreshTokens, request, setTokens } from './client';
import { backoffDelay, parseRetryAfter } from './retry';

const tokens = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn: 300 });

const retryLater = (status: number, seconds: number) =>
  new Response(JSON.stringify({ type: 'about:blank', title: status === 429 ? 'Too Many Requests' : 'Service Unavailable', status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(seconds) },
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('api client', () => {
  it('turns a problem+json answer into an ApiError with its field errors', async () => {
    mockApi({
      'POST /api/v1/auth/register': () =>
        problem(400, 'Bad Request', 'The request has invalid fields', [{ field: 'password', message: 'at least 10 characters' }]),
    });

    const error = (await request('POST', '/api/v1/auth/register', { body: {}, auth: false }).catch((e) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.detail).toBe('The request has invalid fields');
    expect(error.fieldMessage('password')).toBe('at least 10 characters');
  });

  it('refreshes the token once for concurrent 401s and retries each request with the new token', async () => {
    setTokens(tokens(1));
    const api = mockApi({
      'GET /api/v1/tickets': (call) =>
        call.headers.get('Authorization') === 'Bearer access-2' ? { items: [], page: 0, size: 20, totalItems: 0 } : problem(401, 'Unauthorized'),
      'POST /api/v1/auth/refresh': () => tokens(2),
    });

    const results = await Promise.all([request('GET', '/api/v1/tickets'), request('GET', '/api/v1/tickets')]);

    expect(results).toHaveLength(2);
    expect(api.callsTo('POST', '/api/v1/auth/refresh')).toHaveLength(1);
    expect(api.callsTo('POST', '/api/v1/auth/refresh')[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(accessToken()).toBe('access-2');
    expect(sessionStorage.getItem('ticketing.refreshToken')).toBe('refresh-2');
  });

  it('ends the session when the refresh token is rejected', async () => {
    setTokens(tokens(1));
    mockApi({
      'GET /api/v1/users/me': () => problem(401, 'Unauthorized'),
      'POST /api/v1/auth/refresh': () => problem(401, 'Unauthorized', 'refresh token reused'),
    });

    await expect(request('GET', '/api/v1/users/me')).rejects.toMatchObject({ status: 401 });
    expect(accessToken()).toBeNull();
    expect(sessionStorage.getItem('ticketing.refreshToken')).toBeNull();
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(request('GET', '/api/v1/cities', { auth: false })).rejects.toMatchObject({ status: 0, title: 'Network error' });
  });

  it('keeps the session when the refresh is rate limited, and tries again only once Retry-After has passed', async () => {
    vi.useFakeTimers();
    setTokens(tokens(1));
    const api = mockApi({ 'POST /api/v1/auth/refresh': [() => retryLater(429, 5), () => tokens(2)] });

    expect(await refreshTokens()).toBe(false);
    expect(accessToken()).toBe('access-1');
    expect(sessionStorage.getItem('ticketing.refreshToken')).toBe('refresh-1');

    const next = refreshTokens();
    await vi.advanceTimersByTimeAsync(4_900);
    expect(api.callsTo('POST', '/api/v1/auth/refresh')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(await next).toBe(true);
    expect(api.callsTo('POST', '/api/v1/auth/refresh')).toHaveLength(2);
    expect(api.callsTo('POST', '/api/v1/auth/refresh')[1].body).toEqual({ refreshToken: 'refresh-1' });
    expect(accessToken()).toBe('access-2');
  });

  it('keeps the session when the refresh answers 503, and retries by itself after Retry-After', async () => {
    vi.useFakeTimers();
    setTokens(tokens(1));
    const api = mockApi({ 'POST /api/v1/auth/refresh': [() => retryLater(503, 8), () => tokens(2)] });

    expect(await refreshTokens()).toBe(false);
    expect(accessToken()).toBe('access-1');
    expect(sessionStorage.getItem('ticketing.refreshToken')).toBe('refresh-1');

    await vi.advanceTimersByTimeAsync(8_000);
    expect(api.callsTo('POST', '/api/v1/auth/refresh')).toHaveLength(2);
    expect(accessToken()).toBe('access-2');
  });

  it('says when to try again after a 503 as after a 429', async () => {
    mockApi({ 'GET /api/v1/trips': () => retryLater(503, 3) });
    const error = (await request('GET', '/api/v1/trips', { auth: false }).catch((e) => e)) as ApiError;
    expect(error.status).toBe(503);
    expect(error.retryAfterMs).toBe(3_000);
    expect(error.detail).toMatch(/Try again in 3 s\.$/);
  });

  it('reads Retry-After as seconds or as a date, and backs off doubling up to a cap', () => {
    expect(parseRetryAfter('5')).toBe(5_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, 3_000, 60_000))).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000]);
  });
});

/** Grants one lock at a time, in request order, like navigator.locks across the tabs of an origin. */
class FakeLocks {
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
class TabStorage implements Storage {
  private readonly items: Map<string, string>;
  constructor(from: Storage) {
    this.items = new Map(Array.from({ length: from.length }, (_, i) => from.key(i)!).map((k) => [k, from.getItem(k)!]));
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

describe('refresh across tabs', () => {
  /** user-service's rotation: only the newest refresh token of the family works, an older one is reuse. */
  const rotatingServer = () => {
    let live = 1;
    return mockApi({
      'POST /api/v1/auth/refresh': (call) => {
        if ((call.body as { refreshToken: string }).refreshToken !== `refresh-${live}`)
          return problem(401, 'Unauthorized', 'refresh token reused');
        live += 1;
        return tokens(live);
      },
    });
  };

  /** Loads a second copy of the client, as a tab duplicated from this one runs it, with its own sessionStorage. */
  const duplicateTab = async () => {
    const own = globalThis.sessionStorage;
    vi.stubGlobal('sessionStorage', new TabStorage(own));
    vi.resetModules();
    const tab = await import('./client');
    vi.stubGlobal('sessionStorage', own);
    return tab;
  };

  const withLocks = (locks: FakeLocks) => Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });

  afterEach(() => {
    delete (navigator as { locks?: unknown }).locks;
  });

  it('lets a duplicated tab refresh with the token the other tab rotated instead of reusing the old one', async () => {
    const locks = new FakeLocks();
    withLocks(locks);
    setTokens(tokens(1));
    const other = await duplicateTab();
    const api = rotatingServer();

    try {
      // both tabs hold refresh-1 and refresh at the same moment
      expect(await Promise.all([refreshTokens(), other.refreshTokens()])).toEqual([true, true]);
      expect(api.callsTo('POST', '/api/v1/auth/refresh').map((c) => c.body)).toEqual([
        { refreshToken: 'refresh-1' },
        { refreshToken: 'refresh-2' },
      ]);
      expect(locks.requested).toHaveLength(2);
      expect([accessToken(), other.accessToken()].sort()).toEqual(['access-2', 'access-3']);

      // later, each tab starts from the newest token of the family, whichever tab rotated it last
      expect(await refreshTokens()).toBe(true);
      expect(await other.refreshTokens()).toBe(true);
      expect(api.callsTo('POST', '/api/v1/auth/refresh').map((c) => c.body)).toEqual([
        { refreshToken: 'refresh-1' },
        { refreshToken: 'refresh-2' },
        { refreshToken: 'refresh-3' },
        { refreshToken: 'refresh-4' },
      ]);
    } finally {
      other.setTokens(null);
    }
  });

  it('refreshes without a lock where the browser has no Web Locks', async () => {
    setTokens(tokens(1));
    const api = rotatingServer();
    expect(await refreshTokens()).toBe(true);
    expect(api.callsTo('POST', '/api/v1/auth/refresh')[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(accessToken()).toBe('access-2');
  });
});
