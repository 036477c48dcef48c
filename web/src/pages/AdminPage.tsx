import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  catalog,
  SEAT_CLASSES,
  type City,
  type NewWagon,
  type Page,
  type SeatClass,
  type Station,
  type Train,
  type Trip,
} from '../api';
import { CityInput } from '../components/CityInput';
import { Field } from '../components/Field';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { CLASS_NAMES } from '../components/SeatMap';
import { localToIso } from '../format';

type Tab = 'cities' | 'stations' | 'trains' | 'trips';
const TABS: { id: Tab; label: string }[] = [
  { id: 'cities', label: 'Cities' },
  { id: 'stations', label: 'Stations' },
  { id: 'trains', label: 'Trains' },
  { id: 'trips', label: 'Trips' },
];

/** The operator's console: the catalog is built city -> station -> train -> trip. */
export function AdminPage() {
  const [tab, setTab] = useState<Tab>('cities');
  // there is no list of trains in the API, so the trip form offers the trains created in this session
  const [trains, setTrains] = useState<Train[]>([]);

  return (
    <section>
      <h1>Operator</h1>
      <nav className="tabs" aria-label="Catalog">
        {TABS.map((t) => (
          <button key={t.id} type="button" aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {tab === 'cities' && <CitiesSection />}
      {tab === 'stations' && <StationsSection />}
      {tab === 'trains' && <TrainsSection onCreated={(t) => setTrains((list) => [t, ...list])} />}
      {tab === 'trips' && <TripsSection trains={trains} />}
      <p className="hint">To cancel a trip, find it with the search and open it.</p>
    </section>
  );
}

/** Runs a request for a form and keeps its busy/error state. */
function useSubmit<T>(action: () => Promise<T>, onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await action());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="success">
      {children}
    </p>
  );
}

function CitiesSection() {
  const [form, setForm] = useState({ name: '', country: '' });
  const [created, setCreated] = useState<City | null>(null);
  const [cities, setCities] = useState<Page<City> | null>(null);
  const load = () => catalog.cities('', 0, 100).then(setCities).catch(() => setCities(null));
  useEffect(() => void load(), []);
  const { busy, error, submit } = useSubmit(
    () => catalog.createCity({ name: form.name.trim(), country: form.country.trim() }),
    (city) => {
      setCreated(city);
      setForm({ name: '', country: form.country });
      void load();
    },
  );

  return (
    <div className="admin-section">
      <h2>New city</h2>
      <form onSubmit={submit} className="inline-form">
        <Field label="City name" error={fieldError(error, 'name')}>
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label="Country" error={fieldError(error, 'country')}>
          <input required value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          Add city
        </button>
      </form>
      <ProblemAlert error={error} shownFields={['name', 'country']} />
      {created && <Done>City {created.name} added.</Done>}
      <h2>Cities</h2>
      {!cities ? (
        <p role="status">Loading…</p>
      ) : cities.items.length === 0 ? (
        <p className="empty">No cities yet.</p>
      ) : (
        <ul className="plain-list">
          {cities.items.map((c) => (
            <li key={c.id}>
              {c.name} <small>{c.country}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StationsSection() {
  const [city, setCity] = useState<City | null>(null);
  const [form, setForm] = useState({ name: '', code: '' });
  const [created, setCreated] = useState<Station | null>(null);
  const [stations, setStations] = useState<Station[] | null>(null);
  const load = (cityId: string) =>
    catalog
      .stations(cityId)
      .then((p) => setStations(p.items))
      .catch(() => setStations(null));
  useEffect(() => {
    setStations(null);
    if (city) void load(city.id);
  }, [city]);
  const { busy, error, submit } = useSubmit(
    () => catalog.createStation({ name: form.name.trim(), code: form.code.trim(), cityId: city?.id ?? '' }),
    (station) => {
      setCreated(station);
      setForm({ name: '', code: '' });
      if (city) void load(city.id);
    },
  );

  return (
    <div className="admin-section">
      <h2>New station</h2>
      <form onSubmit={submit} className="inline-form">
        <CityInput label="City" value={city} onChange={setCity} error={fieldError(error, 'cityId')} required />
        <Field label="Station name" error={fieldError(error, 'name')}>
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label="Code" error={fieldError(error, 'code')}>
          <input required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          Add station
        </button>
      </form>
      <ProblemAlert error={error} shownFields={['cityId', 'name', 'code']} />
      {created && <Done>Station {created.name} added.</Done>}
      {city && stations && (
        <>
          <h2>Stations in {city.name}</h2>
          {stations.length === 0 ? (
            <p className="empty">No stations yet.</p>
          ) : (
            <ul className="plain-list">
              {stations.map((s) => (
                <li key={s.id}>
                  {s.name} <small>{s.code}</small>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function TrainsSection({ onCreated }: { onCreated(train: Train): void }) {
  const [form, setForm] = useState({ number: '', name: '' });
  const [wagons, setWagons] = useState<NewWagon[]>([
    { number: 1, seatClass: 'FIRST', seats: 20 },
    { number: 2, seatClass: 'SECOND', seats: 40 },
  ]);
  const [created, setCreated] = useState<Train | null>(null);
  const setWagon = (i: number, change: Partial<NewWagon>) =>
    setWagons((list) => list.map((w, j) => (i === j ? { ...w, ...change } : w)));
  const { busy, error, submit } = useSubmit(
    () => catalog.createTrain({ number: form.number.trim(), name: form.name.trim(), wagons }),
    (train) => {
      setCreated(train);
      onCreated(train);
    },
  );

  return (
    <div className="admin-section">
      <h2>New train</h2>
      <form onSubmit={submit}>
        <div className="inline-form">
          <Field label="Train number" error={fieldError(error, 'number')}>
            <input required value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} />
          </Field>
          <Field label="Train name" error={fieldError(error, 'name')}>
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
        </div>
        <fieldset>
          <legend>Wagons</legend>
          {wagons.map((w, i) => (
            <div key={i} className="inline-form row" role="group" aria-label={`Wagon row ${i + 1}`}>
              <Field label={`Wagon ${i + 1} number`} error={fieldError(error, `wagons[${i}].number`)}>
                <input
                  type="number"
                  min={1}
                  value={w.number}
                  onChange={(e) => setWagon(i, { number: Number(e.target.value) })}
                />
              </Field>
              <Field label={`Wagon ${i + 1} class`} error={fieldError(error, `wagons[${i}].seatClass`)}>
                <select value={w.seatClass} onChange={(e) => setWagon(i, { seatClass: e.target.value as SeatClass })}>
                  {SEAT_CLASSES.map((c) => (
                    <option key={c} value={c}>
                      {CLASS_NAMES[c]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={`Wagon ${i + 1} seats`} error={fieldError(error, `wagons[${i}].seats`)}>
                <input type="number" min={1} value={w.seats} onChange={(e) => setWagon(i, { seats: Number(e.target.value) })} />
              </Field>
              <button
                type="button"
                onClick={() => setWagons(wagons.filter((_, j) => j !== i))}
                disabled={wagons.length === 1}
                aria-label={`Remove wagon ${i + 1}`}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              setWagons([...wagons, { number: Math.max(0, ...wagons.map((w) => w.number)) + 1, seatClass: 'SECOND', seats: 40 }])
            }
          >
            Add wagon
          </button>
        </fieldset>
        <ProblemAlert error={error} shownFields={['number', 'name', ...wagonFields(wagons.length)]} />
        <button type="submit" className="primary" disabled={busy}>
          Create train
        </button>
      </form>
      {created && (
        <Done>
          Train {created.number} created (id <code>{created.id}</code>). Schedule it under Trips.
        </Done>
      )}
    </div>
  );
}

function wagonFields(count: number): string[] {
  return Array.from({ length: count }, (_, i) => ['number', 'seatClass', 'seats'].map((f) => `wagons[${i}].${f}`)).flat();
}

type StopForm = { city: City | null; stationId: string; arrival: string; departure: string };
const emptyStop = (): StopForm => ({ city: null, stationId: '', arrival: '', departure: '' });

function TripsSection({ trains }: { trains: Train[] }) {
  const [trainId, setTrainId] = useState(trains[0]?.id ?? '');
  const [stops, setStops] = useState<StopForm[]>([emptyStop(), emptyStop()]);
  const [fares, setFares] = useState<Record<SeatClass, string>>({ FIRST: '20.00', SECOND: '10.00' });
  const [currency, setCurrency] = useState('EUR');
  const [created, setCreated] = useState<Trip | null>(null);
  const setStop = (i: number, change: Partial<StopForm>) =>
    setStops((list) => list.map((s, j) => (i === j ? { ...s, ...change } : s)));

  const { busy, error, submit } = useSubmit(
    () =>
      catalog.createTrip({
        trainId: trainId.trim(),
        stops: stops.map((s, i) => ({
          stationId: s.stationId,
          arrival: i > 0 ? localToIso(s.arrival) : undefined,
          departure: i < stops.length - 1 ? localToIso(s.departure) : undefined,
        })),
        fares: Object.fromEntries(
          SEAT_CLASSES.filter((c) => fares[c].trim()).map((c) => [c, { amount: Number(fares[c]).toFixed(2), currency }]),
        ),
      }),
    setCreated,
  );

  const stopFields = stops.flatMap((_, i) => ['stationId', 'arrival', 'departure'].map((f) => `stops[${i}].${f}`));
  return (
    <div className="admin-section">
      <h2>New trip</h2>
      <form onSubmit={submit}>
        <Field label="Train ID" hint="A train created in this session, or paste an id." error={fieldError(error, 'trainId')}>
          <input list="known-trains" required value={trainId} onChange={(e) => setTrainId(e.target.value)} />
        </Field>
        <datalist id="known-trains">
          {trains.map((t) => (
            <option key={t.id} value={t.id}>
              {t.number} {t.name}
            </option>
          ))}
        </datalist>
        <fieldset>
          <legend>Stops, in order</legend>
          {stops.map((stop, i) => (
            <StopRow
              key={i}
              index={i}
              stop={stop}
              first={i === 0}
              last={i === stops.length - 1}
              error={error}
              onChange={(change) => setStop(i, change)}
              onRemove={stops.length > 2 ? () => setStops(stops.filter((_, j) => j !== i)) : undefined}
            />
          ))}
          <button type="button" onClick={() => setStops([...stops, emptyStop()])}>
            Add stop
          </button>
        </fieldset>
        <fieldset>
          <legend>Fares per segment (between two consecutive stops)</legend>
          <div className="inline-form">
            {SEAT_CLASSES.map((c) => (
              <Field key={c} label={`${CLASS_NAMES[c]} fare`} error={fieldError(error, `fares.${c}`)}>
                <input
                  inputMode="decimal"
                  value={fares[c]}
                  onChange={(e) => setFares({ ...fares, [c]: e.target.value })}
                />
              </Field>
            ))}
            <Field label="Currency" error={fieldError(error, 'currency')}>
              <input value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
            </Field>
          </div>
        </fieldset>
        <ProblemAlert error={error} shownFields={['trainId', 'fares.FIRST', 'fares.SECOND', 'currency', ...stopFields]} />
        <button type="submit" className="primary" disabled={busy}>
          Schedule trip
        </button>
      </form>
      {created && (
        <Done>
          Trip scheduled: <Link to={`/trips/${created.id}`}>open trip {created.trainNumber}</Link>
        </Done>
      )}
    </div>
  );
}

function StopRow({
  index,
  stop,
  first,
  last,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  stop: StopForm;
  first: boolean;
  last: boolean;
  error: unknown;
  onChange(change: Partial<StopForm>): void;
  onRemove?: () => void;
}) {
  const [stations, setStations] = useState<Station[]>([]);
  const cityId = stop.city?.id;
  useEffect(() => {
    setStations([]);
    if (!cityId) return;
    catalog
      .stations(cityId)
      .then((p) => {
        setStations(p.items);
        if (p.items.length === 1) onChange({ stationId: p.items[0].id });
      })
      .catch(() => setStations([]));
  }, [cityId]);

  const n = index + 1;
  const err = (f: string) => fieldError(error, `stops[${index}].${f}`);
  return (
    <div className="inline-form row" role="group" aria-label={`Stop ${n}`}>
      <CityInput label={`Stop ${n} city`} value={stop.city} onChange={(city) => onChange({ city, stationId: '' })} />
      <Field label={`Stop ${n} station`} error={err('stationId')}>
        <select value={stop.stationId} onChange={(e) => onChange({ stationId: e.target.value })}>
          <option value="">{stop.city ? 'Choose a station' : 'Choose a city first'}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      {!first && (
        <Field label={`Stop ${n} arrival`} error={err('arrival')}>
          <input type="datetime-local" value={stop.arrival} onChange={(e) => onChange({ arrival: e.target.value })} />
        </Field>
      )}
      {!last && (
        <Field label={`Stop ${n} departure`} error={err('departure')}>
          <input type="datetime-local" value={stop.departure} onChange={(e) => onChange({ departure: e.target.value })} />
        </Field>
      )}
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label={`Remove stop ${n}`}>
          Remove
        </button>
      )}
    </div>
  );
}
