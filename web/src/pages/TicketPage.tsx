import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, tickets, type Ticket } from '../api';
import { CancelTicket } from '../components/CancelTicket';
import { ProblemAlert } from '../components/ProblemAlert';
import { CLASS_NAMES } from '../components/SeatMap';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatMoney } from '../format';

const LONG_POLL_SECONDS = 10;
const RETRY_MS = 1_000;
// the booking is accepted (202) before ticket-service has stored the ticket: a 404 is expected briefly
const NOT_YET_STORED_ATTEMPTS = 30;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** One ticket with its live status: PENDING is followed with long polls until it is settled. */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelRequested, setCancelRequested] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    const { signal } = abort;
    const follow = async () => {
      let current: Ticket | null = null;
      let misses = 0;
      while (!signal.aborted) {
        const waiting = current?.status === 'PENDING';
        try {
          current = await tickets.get(ticketId, waiting ? LONG_POLL_SECONDS : undefined, signal);
          setTicket(current);
          setError(null);
        } catch (e) {
          if (signal.aborted) return;
          const notYet = e instanceof ApiError && e.status === 404 && !current && ++misses < NOT_YET_STORED_ATTEMPTS;
          const transient = e instanceof ApiError && (e.status === 0 || e.status >= 500);
          if (!notYet && !transient) {
            setError(e);
            return;
          }
          await sleep(RETRY_MS, signal);
          continue;
        }
        if (current.status === 'PENDING') continue;
        if (!cancelRequested || current.status !== 'CONFIRMED') return;
        await sleep(RETRY_MS, signal); // cancellation accepted, not applied yet
      }
    };
    void follow();
    return () => abort.abort();
  }, [ticketId, cancelRequested]);

  if (error) return <ProblemAlert error={error} />;
  if (!ticket)
    return (
      <p role="status" className="live-status">
        Booking received, waiting for the ticket…
      </p>
    );

  return (
    <section className="narrow">
      <h1>Ticket</h1>
      <p className="live-status" role="status" aria-live="polite">
        Status: <StatusBadge status={ticket.status} />
        {ticket.status === 'PENDING' && ' Reserving your seat…'}
      </p>
      {ticket.status === 'REJECTED' && (
        <p role="alert" className="alert">
          The booking was rejected{ticket.reason ? `: ${ticket.reason}` : '.'}
        </p>
      )}
      <dl className="details">
        <dt>Passenger</dt>
        <dd>{ticket.passengerName}</dd>
        <dt>From</dt>
        <dd>
          {ticket.from.name}, {formatDateTime(ticket.from.departure)}
        </dd>
        <dt>To</dt>
        <dd>
          {ticket.to.name}, {formatDateTime(ticket.to.arrival)}
        </dd>
        {ticket.seat && (
          <>
            <dt>Seat</dt>
            <dd>
              {ticket.seat.number} (wagon {ticket.seat.wagon}, {CLASS_NAMES[ticket.seat.seatClass].toLowerCase()})
            </dd>
          </>
        )}
        {ticket.price && (
          <>
            <dt>Price</dt>
            <dd>{formatMoney(ticket.price)}</dd>
          </>
        )}
      </dl>
      {!cancelRequested && <CancelTicket ticket={ticket} onCancelled={() => setCancelRequested(true)} />}
      {cancelRequested && ticket.status === 'CONFIRMED' && <p role="status">Cancelling…</p>}
      <p>
        <Link to="/tickets">All my tickets</Link> · <Link to={`/trips/${ticket.tripId}`}>Trip</Link>
      </p>
    </section>
  );
}
