import type { Seat, SeatClass } from '../api';

export const CLASS_NAMES: Record<SeatClass, string> = { FIRST: 'First class', SECOND: 'Second class' };

/** The seats of a trip grouped by wagon; free seats (for the chosen segment) can be picked. */
export function SeatMap({
  seats,
  selectedId,
  onSelect,
}: {
  seats: Seat[];
  selectedId?: string;
  onSelect(seat: Seat): void;
}) {
  const wagons = new Map<number, Seat[]>();
  for (const seat of seats) wagons.set(seat.wagon, [...(wagons.get(seat.wagon) ?? []), seat]);
  const ordered = [...wagons.entries()].sort(([a], [b]) => a - b);
  for (const [, wagonSeats] of ordered) wagonSeats.sort((a, b) => seatIndex(a.number) - seatIndex(b.number));

  return (
    <div className="seat-map">
      {ordered.map(([wagon, wagonSeats]) => {
        const free = wagonSeats.filter((s) => s.free).length;
        return (
          <section key={wagon} className="wagon" aria-label={`Wagon ${wagon}`}>
            <h3>
              Wagon {wagon} · {CLASS_NAMES[wagonSeats[0].seatClass]}{' '}
              <small>
                {free} of {wagonSeats.length} free
              </small>
            </h3>
            <div className="seats">
              {wagonSeats.map((seat) => {
                const selected = seat.id === selectedId;
                return (
                  <button
                    key={seat.id}
                    type="button"
                    className={`seat ${seat.free ? 'free' : 'taken'}${selected ? ' selected' : ''}`}
                    disabled={!seat.free}
                    aria-pressed={selected}
                    aria-label={`Seat ${seat.number}, ${seat.free ? 'free' : 'taken'}`}
                    onClick={() => onSelect(seat)}
                  >
                    {seatLabel(seat.number)}
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function seatIndex(number: string): number {
  return Number(seatLabel(number)) || 0;
}

/** "3-12" is wagon 3 seat 12; inside a wagon's box the seat number is enough. */
function seatLabel(number: string): string {
  const dash = number.indexOf('-');
  return dash >= 0 ? number.slice(dash + 1) : number;
}
