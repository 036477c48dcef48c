import { describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../test/api';
import { accessToken, ApiError, request, setTokens } from './client';

const tokens = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn: 300 });

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
});
