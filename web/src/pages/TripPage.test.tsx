import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Seat, Trip } from '../api';
import { loggedInAs, mockApi, renderPage, traveller } from '../test/api';
import { TripPage } from './TripPage';

const trip: Trip = {
  id: 'trip1',
  trainId: 'train1',
  trainNumber: 'IC 7',
  status: 'SCHEDULED',
  stops: ['A', 'B', 'C'].map((letter, index) => ({
    index,
    stationId: `s${letter}`,
    stationName: `Central ${letter}`,
    cityId: `c${letter}`,
    arrival: index > 0 ? `2026-12-01T1${index}:00:00Z` : null,
    departure: index < 2 ? `2026-12-01T1${index}:05:00Z` : null,
  })),
  fares: { FIRST: { amount: '20.00', currency: 'EUR' }, SECOND: { amount: '10.00', currency: 'EUR' } },
};
const seats: Seat[] = [
  { id: 'seat-1', wagon: 1, number: '1-1', seatClass: 'FIRST', free: false },
  { id: 'seat-2', wagon: 1, number: '1-2', seatClass: 'FIRST', free: true },
  { id: 'seat-3', wagon: 2, number: '2-1', seatClass: 'SECOND', free: true },
];

const routes = {
  'GET /api/v1/trips/trip1': () => structuredClone(trip),
  'GET /api/v1/trips/trip1/seats': () => seats,
  'GET /api/v1/trips/trip1/reviews': () => ({ items: [], page: 0, size: 20, totalItems: 0 }),
};

describe('TripPage', () => {
  it('shows the stops and the seat map for the searched segment with its price', async () => {
    const api = mockApi(routes);
    renderPage(<TripPage />, { route: '/trips/trip1?fromCity=cB&toCity=cC', path: '/trips/:tripId' });

    expect(await screen.findByRole('button', { name: 'Seat 1-1, taken' })).toBeDisabled();
    expect(screen.getByLabelText('Board at')).toHaveDisplayValue('Central B');
    expect(screen.getByLabelText('Get off at')).toHaveDisplayValue('Central C');
    const seatCall = api.callsTo('GET', '/api/v1/trips/trip1/seats')[0];
    expect(Object.fromEntries(seatCall.url.searchParams)).toEqual({ from: 'sB', to: 'sC' });
    expect(screen.getByText(/First class:/).parentElement).toHaveTextContent('€20.00');
    expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument();
  });

  it('prices two segments and books the picked seat with an idempotency key', async () => {
    const api = mockApi({
      ...loggedInAs(traveller),
      ...routes,
      'POST /api/v1/tickets': () => new Response(JSON.stringify({ id: 'ticket-9', status: 'PENDING' }), { status: 202 }),
    });
    renderPage(<TripPage />, { route: '/trips/trip1', path: '/trips/:tripId' });

    expect(await screen.findByText(/First class:/)).toHaveTextContent('€40.00');
    expect(await screen.findByLabelText('Passenger name')).toHaveValue('Ada Traveller');
    await userEvent.click(screen.getByRole('button', { name: 'Seat 1-2, free' }));
    await userEvent.click(screen.getByRole('button', { name: 'Book seat 1-2' }));

    expect(await screen.findByText('ticket page')).toBeInTheDocument();
    const booking = api.callsTo('POST', '/api/v1/tickets')[0];
    expect(booking.body).toEqual({
      tripId: 'trip1',
      fromStationId: 'sA',
      toStationId: 'sC',
      seatId: 'seat-2',
      passengerName: 'Ada Traveller',
    });
    expect(booking.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{32,}/);
  });

  it('reuses the idempotency key when the same booking is retried after a failure', async () => {
    const api = mockApi({
      ...loggedInAs(traveller),
      ...routes,
      'POST /api/v1/tickets': [
        () => new Response('', { status: 503 }),
        () => new Response(JSON.stringify({ id: 'ticket-9', status: 'PENDING' }), { status: 202 }),
      ],
    });
    renderPage(<TripPage />, { route: '/trips/trip1', path: '/trips/:tripId' });

    const byClass = await screen.findByRole('button', { name: 'Any seat in second class' });
    await userEvent.click(byClass);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await userEvent.click(byClass);

    expect(await screen.findByText('ticket page')).toBeInTheDocument();
    const [first, second] = api.callsTo('POST', '/api/v1/tickets');
    expect(first.body).toMatchObject({ seatClass: 'SECOND' });
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
  });
});
