import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { City } from '../api';
import { mockApi } from '../test/api';
import { CityInput } from './CityInput';

const berlin = { id: 'c1', name: 'Berlin', country: 'Germany' };
const bern = { id: 'c2', name: 'Bern', country: 'Switzerland' };

function Harness() {
  const [city, setCity] = useState<City | null>(null);
  return (
    <>
      <CityInput label="From" value={city} onChange={setCity} />
      <output>{city ? `chosen ${city.id}` : 'none'}</output>
    </>
  );
}

describe('CityInput', () => {
  it('suggests cities matching the text and picks one with the keyboard', async () => {
    const api = mockApi({ 'GET /api/v1/cities': () => ({ items: [berlin, bern], page: 0, size: 10, totalItems: 2 }) });
    render(<Harness />);

    await userEvent.type(screen.getByRole('combobox', { name: 'From' }), 'Ber');
    expect(await screen.findByRole('option', { name: /Bern/ })).toBeInTheDocument();
    expect(api.calls.at(-1)!.url.searchParams.get('q')).toBe('Ber');

    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('combobox')).toHaveValue('Bern');
    expect(screen.getByText('chosen c2')).toBeInTheDocument();
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('chooses the city whose name was typed in full', async () => {
    mockApi({ 'GET /api/v1/cities': () => ({ items: [berlin], page: 0, size: 10, totalItems: 1 }) });
    render(<Harness />);

    await userEvent.type(screen.getByRole('combobox', { name: 'From' }), 'berlin');
    await waitFor(() => expect(screen.getByText('chosen c1')).toBeInTheDocument());
  });
});
