import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api';
import { loggedInAs, mockApi, renderPage, traveller } from '../test/api';
import { MyTicketsPage } from './MyTicketsPage';

const ticket = (id: string, departure: string, status: Ticket['status']): Ticket => ({
  id,
  status,
  tripId: `trip-${id}`,
  from: { stationId: 'sA', name: `From ${id}`, departure },
  to: { stationId: 'sB', name: `To ${id}`, arrival: departure },
  passengerName: 'Ada',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('MyTicketsPage', () => {
  it('splits upcoming from past tickets and offers a review only for past journeys', async () => {
    const api = mockApi({
      ...loggedInAs(traveller),
      'GET /api/v1/tickets': () => ({
        items: [ticket('up', '2999-01-01T08:00:00Z', 'CONFIRMED'), ticket('old', '2001-01-01T08:00:00Z', 'CONFIRMED')],
        page: 0,
        size: 50,
        totalItems: 2,
      }),
      'POST /api/v1/trips/trip-old/reviews': () => new Response('{}', { status: 201 }),
    });
    renderPage(<MyTicketsPage />, { route: '/tickets', path: '/tickets' });

    const [upcoming, past] = await screen.findAllByRole('list');
    expect(upcoming).toHaveTextContent('From up → To up');
    expect(within(upcoming).getByRole('button', { name: 'Cancel ticket' })).toBeInTheDocument();
    expect(within(upcoming).queryByRole('form')).not.toBeInTheDocument();
    expect(within(past).queryByRole('button', { name: 'Cancel ticket' })).not.toBeInTheDocument();

    const review = within(past).getByRole('form', { name: 'Review this trip' });
    await userEvent.selectOptions(within(review).getByLabelText('Rating'), '4');
    await userEvent.type(within(review).getByLabelText('Comment'), 'On time');
    await userEvent.click(within(review).getByRole('button', { name: 'Post review' }));

    expect(await screen.findByText('Thank you for your review.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/trips/trip-old/reviews')[0].body).toEqual({ rating: 4, comment: 'On time' });
  });

  it('has an empty state', async () => {
    mockApi({ ...loggedInAs(traveller), 'GET /api/v1/tickets': () => ({ items: [], page: 0, size: 50, totalItems: 0 }) });
    renderPage(<MyTicketsPage />, { route: '/tickets', path: '/tickets' });
    expect(await screen.findByText(/No tickets yet/)).toBeInTheDocument();
  });
});
