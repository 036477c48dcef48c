import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../test/api';
import { FakeBroadcastChannel, FakeLocks, TabStorage } from '../test/tabs';
import { accessToken, ApiError, currentRefreshToken, refreshTokens, request, setTokens } from './client';
import { auth } from './index';
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

describe('refresh across tabs', () => {
  const REFRESH_KEY = 'ticketing.refreshToken';
  const SESSION_ID_KEY = 'ticketing.sessionId';

  /**
   * user-service's rotation: only the newest refresh token of the login works. With `grace`, the one just
   * before it is refused but keeps the login (a reuse within 30 s of its rotation); any other reuse revokes it.
   */
  const rotatingServer = ({ grace = false, onReuse = () => {} } = {}) => {
    let live = 1;
    let revoked = false;
    const used: string[] = [];
    const api = mockApi({
      'POST /api/v1/auth/refresh': (call) => {
        const presented = (call.body as { refreshToken: string }).refreshToken;
        if (!revoked && presented === `refresh-${live}`) {
          live += 1;
          return tokens(live);
        }
        used.push(presented);
        onReuse();
        if (!(grace && !revoked && presented === `refresh-${live - 1}`)) revoked = true;
        return problem(401, 'Unauthorized', 'refresh token reused');
      },
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    return { ...api, used, revoked: () => revoked };
  };

  const refreshBodies = (api: ReturnType<typeof rotatingServer>) => api.callsTo('POST', '/api/v1/auth/refresh').map((c) => c.body);

  /**
   * Loads another copy of the client (and the api on it) as a tab runs it, with its own sessionStorage: a copy of
   * `from` for a tab duplicated from it, an empty one for a tab opened on its own.
   */
  const openTab = async ({ from, broadcast = true }: { from?: Storage; broadcast?: boolean } = {}) => {
    const own = globalThis.sessionStorage;
    const storage = new TabStorage(from);
    vi.stubGlobal('sessionStorage', storage);
    if (!broadcast) vi.stubGlobal('BroadcastChannel', undefined);
    vi.resetModules();
    const client = await import('./client');
    const api = await import('./index');
    vi.stubGlobal('sessionStorage', own);
    vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
    return { ...client, auth: api.auth, storage };
  };
  const duplicateTab = () => openTab({ from: sessionStorage });

  /** Lets the tabs' messages arrive. */
  const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

  let locks: FakeLocks;
  let tabs: Awaited<ReturnType<typeof openTab>>[];
  const withTab = async (tab: Promise<Awaited<ReturnType<typeof openTab>>>) => {
    tabs.push(await tab);
    return tabs[tabs.length - 1];
  };

  beforeEach(() => {
    locks = new FakeLocks();
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    tabs = [];
  });

  afterEach(() => {
    FakeBroadcastChannel.release();
    // stops the other tabs' refresh timers, without telling this tab
    for (const tab of tabs) {
      tab.storage.removeItem(SESSION_ID_KEY);
      tab.setTokens(null);
    }
    delete (navigator as { locks?: unknown }).locks;
  });

  it('lets two duplicated tabs refresh in turn, each presenting the newest token and never a used one', async () => {
    setTokens(tokens(1));
    const other = await withTab(duplicateTab());
    const api = rotatingServer();

    // both tabs hold refresh-1 and refresh at the same moment
    expect(await Promise.all([refreshTokens(), other.refreshTokens()])).toEqual([true, true]);
    expect(refreshBodies(api)).toEqual([{ refreshToken: 'refresh-1' }, { refreshToken: 'refresh-2' }]);
    expect(locks.requested).toEqual(['ticketing.refresh', 'ticketing.refresh']);
    expect([accessToken(), other.accessToken()].sort()).toEqual(['access-2', 'access-3']);
    await delivered();

    // later, each tab starts from the newest token of the login, whichever tab rotated it last
    expect(await refreshTokens()).toBe(true);
    await delivered();
    expect(await other.refreshTokens()).toBe(true);
    await delivered();
    expect(await refreshTokens()).toBe(true);
    expect(refreshBodies(api).map((b) => (b as { refreshToken: string }).refreshToken)).toEqual([
      'refresh-1',
      'refresh-2',
      'refresh-3',
      'refresh-4',
      'refresh-5',
    ]);
    expect(api.used).toEqual([]);
    expect(api.revoked()).toBe(false);
  });

  it("hands a rotation in tab B to tab A's sessionStorage and memory", async () => {
    setTokens(tokens(1));
    const tabB = await withTab(duplicateTab());
    expect(tabB.storage.getItem(SESSION_ID_KEY)).toBe(sessionStorage.getItem(SESSION_ID_KEY));
    const api = rotatingServer();

    expect(await tabB.refreshTokens()).toBe(true);
    expect(FakeBroadcastChannel.posted.at(-1)).toEqual({
      type: 'rotated',
      sessionId: sessionStorage.getItem(SESSION_ID_KEY),
      refreshToken: 'refresh-2',
      generation: 2,
    });
    await delivered();

    expect(sessionStorage.getItem(REFRESH_KEY)).toBe('refresh-2');
    expect(currentRefreshToken()).toBe('refresh-2');
    expect(accessToken()).toBe('access-1'); // its own access token is still good
    expect(tabB.storage.getItem(REFRESH_KEY)).toBe('refresh-2');

    // tab A reloaded starts from what it was told
    const reloadedA = await withTab(openTab({ from: sessionStorage }));
    expect(await reloadedA.refreshTokens()).toBe(true);
    expect(refreshBodies(api)).toEqual([{ refreshToken: 'refresh-1' }, { refreshToken: 'refresh-2' }]);
    expect(api.used).toEqual([]);
  });

  it('lets a tab told of a rotation only after it presented the old token try again with the newer one', async () => {
    setTokens(tokens(1));
    const tabB = await withTab(duplicateTab());
    // the server's answer to the old token comes after the news of the rotation
    const api = rotatingServer({ grace: true, onReuse: () => FakeBroadcastChannel.release() });
    FakeBroadcastChannel.hold();

    expect(await refreshTokens()).toBe(true);
    expect(tabB.currentRefreshToken()).toBe('refresh-1');
    expect(await tabB.refreshTokens()).toBe(true);

    expect(refreshBodies(api)).toEqual([{ refreshToken: 'refresh-1' }, { refreshToken: 'refresh-1' }, { refreshToken: 'refresh-2' }]);
    expect(api.revoked()).toBe(false);
    await delivered();
    expect([accessToken(), tabB.accessToken()]).toEqual(['access-2', 'access-3']);
    expect(currentRefreshToken()).toBe('refresh-3');
  });

  it('ends the login in the duplicated tab when the other one logs out', async () => {
    setTokens(tokens(1));
    const tabB = await withTab(duplicateTab());
    const api = rotatingServer();
    const changed = vi.fn();
    tabB.onTokensChange(changed);

    await auth.logout();
    expect(api.callsTo('POST', '/api/v1/auth/logout')[0].body).toEqual({ refreshToken: 'refresh-1' });
    await delivered();

    expect(tabB.accessToken()).toBeNull();
    expect(tabB.hasStoredSession()).toBe(false);
    expect(tabB.storage.length).toBe(0);
    expect(changed).toHaveBeenCalled();
    // and the other way round
    tabB.startSession(tokens(1));
    const tabC = await withTab(openTab({ from: tabB.storage }));
    await tabC.auth.logout();
    await delivered();
    expect(tabB.accessToken()).toBeNull();
    expect(tabB.storage.getItem(REFRESH_KEY)).toBeNull();
  });

  it('ends the login in the duplicated tab when a refresh token is rejected', async () => {
    setTokens(tokens(1));
    const tabB = await withTab(duplicateTab());
    mockApi({ 'POST /api/v1/auth/refresh': () => problem(401, 'Unauthorized', 'refresh token expired') });

    expect(await tabB.refreshTokens()).toBe(false);
    await delivered();

    expect(accessToken()).toBeNull();
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(sessionStorage.getItem(SESSION_ID_KEY)).toBeNull();
  });

  it("leaves alone a tab of another login, and drops an answer for a login that ended meanwhile", async () => {
    setTokens(tokens(1));
    const stranger = await withTab(openTab());
    stranger.startSession(tokens(7));
    stranger.setTokens(null);
    await delivered();
    expect(accessToken()).toBe('access-1');
    expect(sessionStorage.getItem(REFRESH_KEY)).toBe('refresh-1');

    // tab B logs out while this tab's refresh is on its way
    const tabB = await withTab(duplicateTab());
    let answer: (r: Response) => void = () => {};
    mockApi({ 'POST /api/v1/auth/refresh': () => new Promise<Response>((resolve) => (answer = resolve)) });
    const refreshed = refreshTokens();
    await delivered();
    tabB.setTokens(null);
    await delivered();
    answer(new Response(JSON.stringify(tokens(2)), { status: 200 }));
    expect(await refreshed).toBe(false);
    expect(accessToken()).toBeNull();
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull();
  });

  it('never writes a token to localStorage', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    mockApi({ 'POST /api/v1/auth/login': () => tokens(1) });
    await auth.login('ada@example.com', 'correct horse battery');
    const tabB = await withTab(duplicateTab());
    rotatingServer();
    await Promise.all([refreshTokens(), tabB.refreshTokens()]);
    await delivered();
    await auth.logout();
    await delivered();

    expect(setItem.mock.contexts.some((storage) => storage === sessionStorage)).toBe(true); // the spy sees the writes
    expect(setItem.mock.contexts.filter((storage) => storage === localStorage)).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('refreshes on its own, with no lock and no message, where the browser has no BroadcastChannel', async () => {
    const tab = await withTab(openTab({ broadcast: false }));
    tab.setTokens(tokens(1));
    const api = rotatingServer();
    expect(await tab.refreshTokens()).toBe(true);
    expect(refreshBodies(api)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(tab.accessToken()).toBe('access-2');
    expect(locks.requested).toEqual([]);
    expect(FakeBroadcastChannel.posted).toEqual([]);
  });

  it('refreshes on its own, with no lock and no message, where the browser has no Web Locks', async () => {
    delete (navigator as { locks?: unknown }).locks;
    setTokens(tokens(1));
    const api = rotatingServer();
    expect(await refreshTokens()).toBe(true);
    expect(refreshBodies(api)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(accessToken()).toBe('access-2');
    expect(FakeBroadcastChannel.posted).toEqual([]);
  });
});
