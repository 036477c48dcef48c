import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  catalog,
  newIdempotencyKey,
  SEAT_CLASSES,
  segmentPrice,
  tickets,
  type BookTicket,
  type Page,
  type Review,
  type Seat,
  type SeatClass,
  type Trip,
} from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { CLASS_NAMES, SeatMap } from '../components/SeatMap';
import { formatDateTime, formatMoney } from '../format';
import { useSession } from '../session';

/** Initial segment: the stops in the searched cities, else the whole trip. */
function initialSegment(trip: Trip, params: URLSearchParams): [number, number] {
  const stops = trip.stops;
  let from = stops.findIndex((s) => s.stationId === params.get('from') || s.cityId === params.get('fromCity'));
  if (from < 0 || from >= stops.length - 1) from = 0;
  let to = stops.findIndex(
    (s, i) => i > from && (s.stationId === params.get('to') || s.cityId === params.get('toCity')),
  );
  if (to < 0) to = stops.length - 1;
  return [from, to];
}

export function TripPage() {
  const { tripId = '' } = useParams();
  const [params] = useSearchParams();
  const [trip, setTrip] = useState<Trip | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [segment, setSegment] = useState<[number, number]>([0, 1]);

  useEffect(() => {
    catalog
      .trip(tripId)
      .then((t) => {
        t.stops.sort((a, b) => a.index - b.index);
        setTrip(t);
        setSegment(initialSegment(t, params));
      })
      .catch(setError);
    // the segment comes from the address only when the page opens
  }, [tripId]);

  if (error) return <ProblemAlert error={error} />;
  if (!trip) return <p role="status">Loading trip…</p>;

  const [fromIndex, toIndex] = segment;
  const from = trip.stops[fromIndex];
  const to = trip.stops[toIndex];
  return (
    <section>
      <h1>
        Train {trip.trainNumber}: {trip.stops[0]?.stationName} → {trip.stops[trip.stops.length - 1]?.stationName}
      </h1>
      {trip.status === 'CANCELLED' && (
        <p role="alert" className="alert">
          This trip is cancelled.
        </p>
      )}
      <div className="trip-layout">
        <div>
          <h2>Stops</h2>
          <ol className="stops">
            {trip.stops.map((stop, i) => (
              <li key={stop.index} className={i >= fromIndex && i <= toIndex ? 'in-segment' : undefined}>
                <strong>{stop.stationName}</strong>
                <span>
                  {stop.arrival && <>arr. {formatDateTime(stop.arrival)} </>}
                  {stop.departure && <>dep. {formatDateTime(stop.departure)}</>}
                </span>
              </li>
            ))}
          </ol>
          <div className="segment">
            <Field label="Board at">
              <select
                value={fromIndex}
                onChange={(e) => {
                  const f = Number(e.target.value);
                  setSegment([f, Math.max(toIndex, f + 1)]);
                }}
              >
                {trip.stops.slice(0, -1).map((s, i) => (
                  <option key={s.index} value={i}>
                    {s.stationName}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Get off at">
              <select value={toIndex} onChange={(e) => setSegment([fromIndex, Number(e.target.value)])}>
                {trip.stops.map((s, i) =>
                  i > fromIndex ? (
                    <option key={s.index} value={i}>
                      {s.stationName}
                    </option>
                  ) : null,
                )}
              </select>
            </Field>
          </div>
          <AdminCancelTrip trip={trip} onCancelled={setTrip} />
        </div>
        <Booking
          key={`${from.stationId}-${to.stationId}`}
          trip={trip}
          fromStationId={from.stationId}
          toStationId={to.stationId}
          segments={toIndex - fromIndex}
        />
      </div>
      <Reviews tripId={trip.id} />
    </section>
  );
}

function Booking({
  trip,
  fromStationId,
  toStationId,
  segments,
}: {
  trip: Trip;
  fromStationId: string;
  toStationId: string;
  segments: number;
}) {
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [seats, setSeats] = useState<Seat[] | null>(null);
  const [seatsError, setSeatsError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Seat | null>(null);
  const [passengerName, setPassengerName] = useState(user?.fullName ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // one key per distinct booking: a retry of the same booking must reuse it, a changed one must not
  const attempt = useRef<{ body: string; key: string } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    catalog
      .seats(trip.id, fromStationId, toStationId, abort.signal)
      .then(setSeats)
      .catch((e) => !abort.signal.aborted && setSeatsError(e));
    return () => abort.abort();
  }, [trip.id, fromStationId, toStationId]);

  useEffect(() => {
    if (user && !passengerName) setPassengerName(user.fullName);
  }, [user]);

  const book = async (choice: { seatId: string } | { seatClass: SeatClass }) => {
    const body: BookTicket = { tripId: trip.id, fromStationId, toStationId, passengerName: passengerName.trim(), ...choice };
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
    setBusy(true);
    setError(null);
    try {
      const ticket = await tickets.book(body, attempt.current.key);
      navigate(`/tickets/${ticket.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const bookable = trip.status === 'SCHEDULED';
  const freeByClass = (c: SeatClass) => seats?.filter((s) => s.seatClass === c && s.free).length ?? 0;
  const classes = SEAT_CLASSES.filter((c) => trip.fares[c] && seats?.some((s) => s.seatClass === c));

  return (
    <div className="booking">
      <h2>Seats</h2>
      {seatsError ? <ProblemAlert error={seatsError} /> : null}
      {!seats && !seatsError && <p role="status">Loading seats…</p>}
      {seats && seats.length === 0 && <p className="empty">This train has no seats.</p>}
      {seats && seats.length > 0 && (
        <>
          <ul className="classes">
            {classes.map((c) => (
              <li key={c}>
                {CLASS_NAMES[c]}: <strong>{formatMoney(segmentPrice(trip.fares[c]!, segments))}</strong>, {freeByClass(c)}{' '}
                free
              </li>
            ))}
          </ul>
          <SeatMap seats={seats} selectedId={selected?.id} onSelect={setSelected} />
        </>
      )}

      {!user ? (
        <p>
          <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>Log in</Link> to book a
          ticket.
        </p>
      ) : (
        bookable &&
        seats &&
        seats.length > 0 && (
          <div className="book-panel">
            <Field label="Passenger name" error={fieldError(error, 'passengerName')}>
              <input autoComplete="name" value={passengerName} onChange={(e) => setPassengerName(e.target.value)} />
            </Field>
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={!selected || busy}
                onClick={() => selected && book({ seatId: selected.id })}
              >
                {selected ? `Book seat ${selected.number}` : 'Pick a seat to book it'}
              </button>
              {classes.map((c) => (
                <button key={c} type="button" disabled={busy || freeByClass(c) === 0} onClick={() => book({ seatClass: c })}>
                  Any seat in {CLASS_NAMES[c].toLowerCase()}
                </button>
              ))}
            </div>
            <ProblemAlert error={error} shownFields={['passengerName']} />
          </div>
        )
      )}
    </div>
  );
}

function AdminCancelTrip({ trip, onCancelled }: { trip: Trip; onCancelled(trip: Trip): void }) {
  const { isAdmin } = useSession();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!isAdmin || trip.status !== 'SCHEDULED') return null;

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await catalog.cancelTrip(trip.id);
      onCancelled({ ...trip, status: 'CANCELLED' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <div className="operator-actions">
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Cancel this trip
      </button>
      <ProblemAlert error={error} />
      {asking && (
        <ConfirmDialog
          title="Cancel this trip?"
          confirmLabel="Cancel trip"
          busy={busy}
          onConfirm={cancel}
          onCancel={() => setAsking(false)}
        >
          <p>Every ticket on it is cancelled and its traveller notified.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function Reviews({ tripId }: { tripId: string }) {
  const [reviews, setReviews] = useState<Page<Review> | null>(null);
  useEffect(() => {
    catalog.reviews(tripId).then(setReviews).catch(() => setReviews(null));
  }, [tripId]);
  if (!reviews) return null;
  return (
    <div className="reviews">
      <h2>Reviews</h2>
      {reviews.items.length === 0 ? (
        <p className="empty">No reviews yet.</p>
      ) : (
        <ul>
          {reviews.items.map((r) => (
            <li key={r.id}>
              <span aria-label={`${r.rating} of 5 stars`}>{'★'.repeat(r.rating) + '☆'.repeat(5 - r.rating)}</span>{' '}
              {r.comment}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
