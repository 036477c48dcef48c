import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderPage } from '../test/api';
import { SearchPage } from './SearchPage';

const route = '/search?from=c1&fromName=Aston&to=c3&toName=Cole&date=2026-12-01';

describe('SearchPage', () => {
  it('lists trains with times, duration, price per class and free seats', async () => {
    const api = mockApi({
      'GET /api/v1/trips': () => ({
        items: [
          {
            id: 't1',
            trainNumber: 'IC 7',
            fromStation: { stationId: 's1', name: 'Aston Central' },
            toStation: { stationId: 's3', name: 'Cole Main' },
            departure: '2026-12-01T08:00:00Z',
            arrival: '2026-12-01T09:55:00Z',
            durationMinutes: 115,
            classes: [
              { seatClass: 'FIRST', price: { amount: '40.00', currency: 'EUR' }, freeSeats: 4 },
              { seatClass: 'SECOND', price: { amount: '20.00', currency: 'EUR' }, freeSeats: 0 },
            ],
          },
        ],
        page: 0,
        size: 50,
        totalItems: 1,
      }),
    });
    renderPage(<SearchPage />, { route, path: '/search' });

    const list = await screen.findByRole('list', { name: 'Trains' });
    const offer = within(list).getAllByRole('listitem')[0];
    expect(offer).toHaveTextContent('1 h 55 min');
    expect(offer).toHaveTextContent('Aston Central → Cole Main · train IC 7');
    expect(offer).toHaveTextContent(/First class: €40\.00, 4 free/);
    expect(offer).toHaveTextContent(/Second class: €20\.00, sold out/);
    expect(within(offer).getByRole('link', { name: 'Choose seats on train IC 7' })).toHaveAttribute(
      'href',
      '/trips/t1?fromCity=c1&toCity=c3',
    );
    expect(Object.fromEntries(api.calls[0].url.searchParams)).toMatchObject({ from: 'c1', to: 'c3', date: '2026-12-01' });
    expect(screen.getByRole('combobox', { name: 'From' })).toHaveValue('Aston');
  });

  it('says so when no train runs that day', async () => {
    mockApi({ 'GET /api/v1/trips': () => ({ items: [], page: 0, size: 50, totalItems: 0 }) });
    renderPage(<SearchPage />, { route, path: '/search' });
    expect(await screen.findByText('No trains on this day. Try another date.')).toBeInTheDocument();
  });
});
