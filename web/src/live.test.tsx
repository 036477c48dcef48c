import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { loggedInAs, mockApi, traveller } from './test/api';

/** Stands in for the browser's EventSource; tests push messages through `emit`. */
class FakeEventSource {
  static CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = 1;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener() {}
  close() {
    this.readyState = FakeEventSource.CLOSED;
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
});
