import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, loggedInAs, mockApi, problem, renderPage, traveller } from '../test/api';
import { RequireUser } from '../session';
import { AdminPage } from './AdminPage';

const page = () =>
  renderPage(
    <RequireUser admin>
      <AdminPage />
    </RequireUser>,
    { route: '/admin', path: '/admin' },
  );

const cities = { A: { id: 'cA', name: 'Aston', country: 'X' }, B: { id: 'cB', name: 'Bury', country: 'X' } };

describe('AdminPage', () => {
  it('is for operators only', async () => {
    mockApi(loggedInAs(traveller));
    page();
    expect(await screen.findByRole('alert')).toHaveTextContent('This page is for operators.');
  });

  it('creates a train with its wagons, then schedules a trip with it', async () => {
    const api = mockApi({
      ...loggedInAs(admin),
      'GET /api/v1/cities': (call) => {
        const q = call.url.searchParams.get('q') ?? '';
        const items = Object.values(cities).filter((c) => c.name.toLowerCase().startsWith(q.toLowerCase()));
        return { items, page: 0, size: 10, totalItems: items.length };
      },
      'GET /api/v1/stations': (call) => {
        const cityId = call.url.searchParams.get('cityId');
        return { items: [{ id: `st-${cityId}`, name: `Station ${cityId}`, code: 'X', cityId }], page: 0, size: 100, totalItems: 1 };
      },
      'POST /api/v1/trains': (call) =>
        new Response(JSON.stringify({ id: 'train-1', ...(call.body as object) }), { status: 201 }),
      'POST /api/v1/trips': [
        () =>
          problem(400, 'Bad Request', 'The request has invalid fields', [
            { field: 'stops[1].arrival', message: 'must be after the previous departure' },
          ]),
        () => new Response(JSON.stringify({ id: 'trip-1', trainNumber: 'IC 1' }), { status: 201 }),
      ],
    });
    page();

    await userEvent.click(await screen.findByRole('button', { name: 'Trains' }));
    await userEvent.type(screen.getByLabelText('Train number'), 'IC 1');
    await userEvent.type(screen.getByLabelText('Train name'), 'Coastal');
    await userEvent.click(screen.getByRole('button', { name: 'Add wagon' }));
    await userEvent.selectOptions(screen.getByLabelText('Wagon 3 class'), 'FIRST');
    await userEvent.clear(screen.getByLabelText('Wagon 3 seats'));
    await userEvent.type(screen.getByLabelText('Wagon 3 seats'), '8');
    await userEvent.click(screen.getByRole('button', { name: 'Create train' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Train IC 1 created');
    expect(api.callsTo('POST', '/api/v1/trains')[0].body).toEqual({
      number: 'IC 1',
      name: 'Coastal',
      wagons: [
        { number: 1, seatClass: 'FIRST', seats: 20 },
        { number: 2, seatClass: 'SECOND', seats: 40 },
        { number: 3, seatClass: 'FIRST', seats: 8 },
      ],
    });

    await userEvent.click(screen.getByRole('button', { name: 'Trips' }));
    expect(screen.getByLabelText('Train ID')).toHaveValue('train-1');
    for (const [n, name] of [[1, 'Aston'], [2, 'Bury']] as const) {
      const stop = screen.getByRole('group', { name: `Stop ${n}` });
      await userEvent.type(within(stop).getByLabelText(`Stop ${n} city`), name);
      await within(stop).findByRole('option', { name: `Station c${name[0]}` });
    }
    await userEvent.type(screen.getByLabelText('Stop 1 departure'), '2026-12-01T08:00');
    await userEvent.type(screen.getByLabelText('Stop 2 arrival'), '2026-12-01T07:00');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule trip' }));

    expect(await screen.findByLabelText('Stop 2 arrival')).toHaveAccessibleDescription('must be after the previous departure');
    const body = api.callsTo('POST', '/api/v1/trips')[0].body as { stops: unknown[]; fares: unknown };
    expect(body).toMatchObject({
      trainId: 'train-1',
      stops: [
        { stationId: 'st-cA', departure: new Date('2026-12-01T08:00').toISOString() },
        { stationId: 'st-cB', arrival: new Date('2026-12-01T07:00').toISOString() },
      ],
      fares: { FIRST: { amount: '20.00', currency: 'EUR' }, SECOND: { amount: '10.00', currency: 'EUR' } },
    });

    await userEvent.clear(screen.getByLabelText('Stop 2 arrival'));
    await userEvent.type(screen.getByLabelText('Stop 2 arrival'), '2026-12-01T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule trip' }));
    expect(await screen.findByRole('link', { name: 'open trip IC 1' })).toHaveAttribute('href', '/trips/trip-1');
  });
});
