import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { streamReconnectDelay } from './live';
import { loggedInAs, mockApi, traveller } from './test/api';

/** Stands in for the browser's EventSource; tests push messages through `emit`. */
class FakeEventSource {
  static CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = 1;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener() {}
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  /** The server refused the stream or went away: the browser gives up on this EventSource. */
  fail() {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.();
  }
  emit(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }));
  }
}

const booked = {
  id: 'n1',
  type: 'TICKET_BOOKED',
  title: 'Ticket confirmed',
  body: 'Seat 1-2 from Central A to Central C',
  ticketId: 'tk1',
  createdAt: '2026-11-25T10:00:00Z',
  read: false,
};

describe('live notifications', () => {
  it('counts unread notifications, adds pushed ones and marks them read', async () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = mockApi({
      ...loggedInAs(traveller),
      'GET /api/v1/notifications/unread-count': () => ({ unread: 2 }),
      'GET /api/v1/notifications': () => ({ items: [], page: 0, size: 20, totalItems: 0 }),
      'POST /api/v1/notifications/n1/read': () => new Response(null, { status: 204 }),
    });
    window.history.pushState({}, '', '/notifications');
    render(<App />);

    const link = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    const stream = FakeEventSource.instances[0];
    expect(stream.url).toBe('/api/v1/notifications/stream?access_token=access-1');

    act(() => stream.emit(booked));
    expect(link).toHaveAccessibleName('Notifications, 3 unread');
    expect(await screen.findByText('Seat 1-2 from Central A to Central C')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Mark "Ticket confirmed" as read' }));
    expect(link).toHaveAccessibleName('Notifications, 2 unread');
    expect(api.callsTo('POST', '/api/v1/notifications/n1/read')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Mark/ })).not.toBeInTheDocument();
  });

  it('reconnects a refused stream with a growing delay, without refreshing a token that is still valid', async () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = mockApi(loggedInAs(traveller));
    window.history.pushState({}, '', '/');
    render(<App />);
    await screen.findByRole('link', { name: 'Notifications' });
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.useFakeTimers();
    const streams = () => FakeEventSource.instances.length;
    const last = () => FakeEventSource.instances[streams() - 1];

    act(() => last().fail());
    await act(() => vi.advanceTimersByTimeAsync(2_999));
    expect(streams()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(streams()).toBe(2);

    act(() => last().fail());
    await act(() => vi.advanceTimersByTimeAsync(5_999));
    expect(streams()).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(streams()).toBe(3);

    // a stream that opened resets the delay
    act(() => last().onopen?.());
    act(() => last().fail());
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(streams()).toBe(4);
    // the token from the login is still valid: only the session restore refreshed
    expect(api.callsTo('POST', '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('refreshes before reconnecting when the access token is about to expire', async () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = mockApi({
      ...loggedInAs(traveller),
      'POST /api/v1/auth/refresh': [
        () => ({ accessToken: 'access-1', refreshToken: 'refresh-2', tokenType: 'Bearer', expiresIn: 20 }),
        () => ({ accessToken: 'access-2', refreshToken: 'refresh-3', tokenType: 'Bearer', expiresIn: 300 }),
      ],
    });
    window.history.pushState({}, '', '/');
    render(<App />);
    await screen.findByRole('link', { name: 'Notifications' });
    vi.useFakeTimers();

    act(() => FakeEventSource.instances[0].fail());
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(api.callsTo('POST', '/api/v1/auth/refresh')).toHaveLength(2);
    expect(FakeEventSource.instances[1].url).toBe('/api/v1/notifications/stream?access_token=access-2');
  });

  it('restores the stored session after a page load although the first refresh is rate limited', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = mockApi({
      ...loggedInAs(traveller),
      'POST /api/v1/auth/refresh': [
        () =>
          new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), {
            status: 429,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' },
          }),
        () => ({ accessToken: 'access-1', refreshToken: 'refresh-2', tokenType: 'Bearer', expiresIn: 300 }),
      ],
    });
    window.history.pushState({}, '', '/notifications');
    render(<App />);

    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/auth/refresh').map((c) => c.body)).toEqual([
      { refreshToken: 'stored-refresh' },
      { refreshToken: 'stored-refresh' },
    ]);
  });

  it('waits 3 s after the first failure, doubling up to a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(streamReconnectDelay)).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000, 60_000]);
  });
});

afterEach(() => {
  vi.useRealTimers();
});
