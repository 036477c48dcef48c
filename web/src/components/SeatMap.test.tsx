import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Seat } from '../api';
import { SeatMap } from './SeatMap';

const seat = (wagon: number, n: number, free: boolean, seatClass: Seat['seatClass'] = 'FIRST'): Seat => ({
  id: `s-${wagon}-${n}`,
  wagon,
  number: `${wagon}-${n}`,
  seatClass,
  free,
});

describe('SeatMap', () => {
  const seats = [seat(2, 1, true, 'SECOND'), seat(1, 2, false), seat(1, 1, true)];

  it('groups seats by wagon and says how many are free', () => {
    render(<SeatMap seats={seats} onSelect={() => {}} />);
    const wagons = screen.getAllByRole('region');
    expect(wagons.map((w) => w.getAttribute('aria-label'))).toEqual(['Wagon 1', 'Wagon 2']);
    expect(wagons[0]).toHaveTextContent('First class');
    expect(wagons[0]).toHaveTextContent('1 of 2 free');
  });

  it('lets a free seat be picked and keeps taken seats disabled', async () => {
    const onSelect = vi.fn();
    render(<SeatMap seats={seats} selectedId="s-2-1" onSelect={onSelect} />);

    expect(screen.getByRole('button', { name: 'Seat 1-2, taken' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Seat 2-1, free' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Seat 1-1, free' }));
    expect(onSelect).toHaveBeenCalledWith(seats[2]);
  });
});
