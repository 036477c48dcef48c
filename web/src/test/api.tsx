import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { LiveNotificationsProvider } from '../live';
import { SessionProvider } from '../session';
import type { User } from '../api';

export type Call = { method: string; url: URL; body: unknown; headers: Headers };
type Handler = (call: Call) => unknown;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const problem = (status: number, title: string, detail?: string, errors?: { field: string; message: string }[]) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, detail, errors }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/**
 * Replaces fetch with handlers keyed by "METHOD /path" (query ignored). A handler returns a Response or
 * a body for 200; an array of handlers answers successive calls. Unknown routes answer 404.
 */
export function mockApi(routes: Record<string, Handler | Handler[]>) {
  const calls: Call[] = [];
  const counters = new Map<string, number>();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://localhost');
      const method = init.method ?? 'GET';
      const call = {
        method,
        url,
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        headers: new Headers(init.headers),
      };
      calls.push(call);
      const key = `${method} ${url.pathname}`;
      const route = routes[key];
      if (!route) return problem(404, 'Not Found', `no mock for ${key}`);
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      const handler = Array.isArray(route) ? route[Math.min(n, route.length - 1)] : route;
      const result = await handler(call);
      return result instanceof Response ? result : json(result);
    }),
  );
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.url.pathname === path),
  };
}

export const traveller: User = { id: 'u1', email: 'ada@example.com', fullName: 'Ada Traveller', roles: ['USER'] };
export const admin: User = { id: 'a1', email: 'admin@example.com', fullName: 'Olga Operator', roles: ['USER', 'ADMIN'] };

/** Routes that restore a logged-in session from a stored refresh token. */
export function loggedInAs(user: User): Record<string, Handler> {
  sessionStorage.setItem('ticketing.refreshToken', 'stored-refresh');
  return {
    'POST /api/v1/auth/refresh': () => ({ accessToken: 'access-1', refreshToken: 'refresh-2', tokenType: 'Bearer', expiresIn: 300 }),
    'GET /api/v1/users/me': () => user,
    'GET /api/v1/notifications/unread-count': () => ({ unread: 0 }),
  };
}

/** Renders a page inside the app's providers at `route`, matching `path` for its params. */
export function renderPage(ui: ReactElement, { route = '/', path = '*' }: { route?: string; path?: string } = {}) {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <SessionProvider>
        <LiveNotificationsProvider>
          <Routes>
            <Route path={path} element={ui} />
            <Route path="/tickets/:ticketId" element={<p>ticket page</p>} />
            <Route path="/" element={<p>home page</p>} />
          </Routes>
        </LiveNotificationsProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}
