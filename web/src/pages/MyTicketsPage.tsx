import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { catalog, tickets, type Page, type Ticket } from '../api';
import { CancelTicket } from '../components/CancelTicket';
import { Field } from '../components/Field';
import { Pager } from '../components/Pager';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatMoney } from '../format';

const PAGE_SIZE = 50;

export function MyTicketsPage() {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<Ticket> | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    tickets
      .mine(page, PAGE_SIZE)
      .then((p) => {
        setData(p);
        setError(null);
      })
      .catch(setError);
  }, [page]);
  useEffect(load, [load]);

  if (error) return <ProblemAlert error={error} />;
  if (!data) return <p role="status">Loading tickets…</p>;

  const now = Date.now();
  const upcoming = data.items.filter((t) => new Date(t.from.departure).getTime() > now);
  const past = data.items.filter((t) => new Date(t.from.departure).getTime() <= now);

  return (
    <section>
      <h1>My tickets</h1>
      {data.totalItems === 0 && (
        <p className="empty">
          No tickets yet. <Link to="/">Find a train</Link>
        </p>
      )}
      <TicketList title="Upcoming" items={upcoming} onChange={load} />
      <TicketList title="Past" items={past} onChange={load} past />
      <Pager label="Ticket pages" page={page} totalItems={data.totalItems} size={data.size} onPage={setPage} />
    </section>
  );
}

function TicketList({ title, items, past = false, onChange }: { title: string; items: Ticket[]; past?: boolean; onChange(): void }) {
  if (items.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <ul className="tickets">
        {items.map((t) => (
          <li key={t.id} className="card">
            <div className="ticket-head">
              <Link to={`/tickets/${t.id}`}>
                {t.from.name} → {t.to.name}
              </Link>
              <StatusBadge status={t.status} />
            </div>
            <div>
              {formatDateTime(t.from.departure)} – {formatDateTime(t.to.arrival)}
              {t.seat && <> · seat {t.seat.number}</>}
              {t.price && <> · {formatMoney(t.price)}</>}
            </div>
            {t.status === 'REJECTED' && t.reason && <div className="muted">Reason: {t.reason}</div>}
            {/* cancelling is asynchronous: reload a moment later to show the new status */}
            <CancelTicket ticket={t} onCancelled={() => setTimeout(onChange, 1000)} />
            {past && t.status === 'CONFIRMED' && <ReviewForm tripId={t.tripId} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReviewForm({ tripId }: { tripId: string }) {
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');

  if (state === 'done') return <p role="status">Thank you for your review.</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('busy');
    setError(null);
    try {
      await catalog.postReview(tripId, { rating, comment });
      setState('done');
    } catch (err) {
      setError(err);
      setState('idle');
    }
  };

  return (
    <form className="review-form" onSubmit={submit} aria-label="Review this trip">
      <Field label="Rating" error={fieldError(error, 'rating')}>
        <select value={rating} onChange={(e) => setRating(Number(e.target.value))}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n} of 5
            </option>
          ))}
        </select>
      </Field>
      <Field label="Comment" error={fieldError(error, 'comment')}>
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <ProblemAlert error={error} shownFields={['rating', 'comment']} />
      <button type="submit" disabled={state === 'busy'}>
        Post review
      </button>
    </form>
  );
}
