import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../api';
import { loggedInAs, mockApi, problem, renderPage, traveller } from '../test/api';
import { TicketPage } from './TicketPage';

const pending: Ticket = {
  id: 'tk1',
  status: 'PENDING',
  tripId: 'trip1',
  from: { stationId: 'sA', name: 'Central A', departure: '2999-12-01T08:00:00Z' },
  to: { stationId: 'sC', name: 'Central C', arrival: '2999-12-01T10:00:00Z' },
  passengerName: 'Ada Traveller',
  createdAt: '2026-11-25T10:00:00Z',
  updatedAt: '2026-11-25T10:00:00Z',
};
const confirmed: Ticket = {
  ...pending,
  status: 'CONFIRMED',
  seat: { id: 'seat-2', wagon: 1, number: '1-2', seatClass: 'FIRST' },
  price: { amount: '40.00', currency: 'EUR' },
};
const page = () => renderPage(<TicketPage />, { route: '/tickets/tk1', path: '/tickets/:ticketId' });

describe('TicketPage', () => {
  it('follows a pending ticket with long polls until it is confirmed', async () => {
    const api = mockApi({
      ...loggedInAs(traveller),
      // a freshly accepted booking may not be stored yet
      'GET /api/v1/tickets/tk1': [() => problem(404, 'Not Found'), () => pending, () => confirmed],
    });
    page();

    expect(await screen.findByText('Confirmed', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText(/1-2 \(wagon 1, first class\)/)).toBeInTheDocument();
    expect(screen.getByText('€40.00')).toBeInTheDocument();
    const waits = api.callsTo('GET', '/api/v1/tickets/tk1').map((c) => c.url.searchParams.get('wait'));
    expect(waits).toEqual([null, null, '10s']);
  });

  it('shows why a booking was rejected', async () => {
    mockApi({ ...loggedInAs(traveller), 'GET /api/v1/tickets/tk1': () => ({ ...pending, status: 'REJECTED', reason: 'Seat already taken' }) });
    page();
    expect(await screen.findByText('The booking was rejected: Seat already taken')).toBeInTheDocument();
  });

  it('cancels after confirmation in a dialog and shows the cancelled status', async () => {
    const api = mockApi({
      ...loggedInAs(traveller),
      'GET /api/v1/tickets/tk1': [() => confirmed, () => ({ ...confirmed, status: 'CANCELLED' })],
      'DELETE /api/v1/tickets/tk1': () => new Response(JSON.stringify({ id: 'tk1', status: 'CONFIRMED' }), { status: 202 }),
    });
    page();

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel ticket' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this ticket?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep' }));
    expect(api.callsTo('DELETE', '/api/v1/tickets/tk1')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel ticket' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel ticket' }));
    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/v1/tickets/tk1')).toHaveLength(1);
  });

  it('stops waiting for a cancellation that is not applied within 30 s and shows the real status', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = mockApi({
      ...loggedInAs(traveller),
      'GET /api/v1/tickets/tk1': () => confirmed,
      'DELETE /api/v1/tickets/tk1': () => new Response(JSON.stringify({ id: 'tk1', status: 'CONFIRMED' }), { status: 202 }),
    });
    page();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

    await user.click(await screen.findByRole('button', { name: 'Cancel ticket' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel ticket' }));
    expect(await screen.findByText('Cancelling…')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(screen.queryByText('Cancelling…')).not.toBeInTheDocument();
    expect(screen.getByText('Confirmed')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The cancellation has not gone through');
    const polls = api.callsTo('GET', '/api/v1/tickets/tk1');
    // the page read, then the read right after the cancel, then long polls at a slowing pace
    expect(polls.slice(2).map((c) => c.url.searchParams.get('wait'))).toEqual(Array(polls.length - 2).fill('10s'));
    expect(polls.length).toBeLessThanOrEqual(12);

    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(api.callsTo('GET', '/api/v1/tickets/tk1')).toHaveLength(polls.length);
  });

  it('tries again after Retry-After when the gateway rate-limits the ticket', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = mockApi({
      ...loggedInAs(traveller),
      'GET /api/v1/tickets/tk1': [
        () =>
          new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), {
            status: 429,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '4' },
          }),
        () => confirmed,
      ],
    });
    page();

    await vi.waitFor(() => expect(api.callsTo('GET', '/api/v1/tickets/tk1')).toHaveLength(1));
    await act(() => vi.advanceTimersByTimeAsync(3_500));
    expect(api.callsTo('GET', '/api/v1/tickets/tk1')).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
  });
});

afterEach(() => {
  vi.useRealTimers();
});
