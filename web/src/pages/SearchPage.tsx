import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { catalog, type City, type Page, type TripOffer } from '../api';
import { Field } from '../components/Field';
import { CityInput } from '../components/CityInput';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { CLASS_NAMES } from '../components/SeatMap';
import { formatDuration, formatMoney, formatTime, stationName, today } from '../format';

/** The search lives in the address bar, so results survive a reload and the back button. */
function cityFromParams(params: URLSearchParams, key: 'from' | 'to'): City | null {
  const id = params.get(key);
  return id ? { id, name: params.get(`${key}Name`) ?? '', country: '' } : null;
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const [from, setFrom] = useState<City | null>(cityFromParams(params, 'from'));
  const [to, setTo] = useState<City | null>(cityFromParams(params, 'to'));
  const [date, setDate] = useState(params.get('date') ?? today());
  const [formError, setFormError] = useState<{ from?: string; to?: string }>({});
  const [results, setResults] = useState<Page<TripOffer> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const query = { from: params.get('from'), to: params.get('to'), date: params.get('date') };

  useEffect(() => {
    if (!query.from || !query.to || !query.date) return;
    let current = true;
    setLoading(true);
    setError(null);
    catalog
      .searchTrips(query.from, query.to, query.date)
      .then((page) => current && setResults(page))
      .catch((e) => current && (setError(e), setResults(null)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [query.from, query.to, query.date]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = {
      from: from ? undefined : 'Pick a city from the suggestions.',
      to: to ? undefined : 'Pick a city from the suggestions.',
    };
    setFormError(missing);
    if (!from || !to) return;
    setParams({ from: from.id, fromName: from.name, to: to.id, toName: to.name, date });
  };

  const tripLink = (offer: TripOffer) =>
    `/trips/${offer.id}?fromCity=${encodeURIComponent(query.from ?? '')}&toCity=${encodeURIComponent(query.to ?? '')}`;

  return (
    <section>
      <h1>Find a train</h1>
      <form className="search-form" onSubmit={submit} noValidate>
        <CityInput label="From" value={from} onChange={setFrom} error={formError.from ?? fieldError(error, 'from')} required />
        <CityInput label="To" value={to} onChange={setTo} error={formError.to ?? fieldError(error, 'to')} required />
        <Field label="Date" error={fieldError(error, 'date')}>
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ProblemAlert error={error} shownFields={['from', 'to', 'date']} />

      {loading && <p role="status">Searching…</p>}
      {!loading && results && results.items.length === 0 && (
        <p className="empty">No trains on this day. Try another date.</p>
      )}
      {!loading && results && results.items.length > 0 && (
        <ul className="results" aria-label="Trains">
          {results.items.map((offer) => (
            <li key={offer.id} className="card offer">
              <div className="offer-times">
                <strong>
                  {formatTime(offer.departure)} → {formatTime(offer.arrival)}
                </strong>
                <span>{formatDuration(offer.durationMinutes)}</span>
              </div>
              <div>
                {stationName(offer.fromStation)} → {stationName(offer.toStation)} · train {offer.trainNumber}
              </div>
              <ul className="classes">
                {offer.classes.map((c) => (
                  <li key={c.seatClass}>
                    {CLASS_NAMES[c.seatClass]}: <strong>{formatMoney(c.price)}</strong>,{' '}
                    {c.freeSeats === 0 ? 'sold out' : `${c.freeSeats} free`}
                  </li>
                ))}
              </ul>
              <Link className="button" to={tripLink(offer)} aria-label={`Choose seats on train ${offer.trainNumber}`}>
                Choose seats
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
