import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, backoffDelay, tickets, type Ticket } from '../api';
import { CancelTicket } from '../components/CancelTicket';
import { ProblemAlert } from '../components/ProblemAlert';
import { CLASS_NAMES } from '../components/SeatMap';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatMoney } from '../format';

const LONG_POLL_SECONDS = 10;
const RETRY_MS = 1_000;
// the booking is accepted (202) before ticket-service has stored the ticket: a 404 is expected briefly
const NOT_YET_STORED_ATTEMPTS = 30;
// ticket-service may refuse a cancellation the gateway accepted (202): the page then stops waiting for it
const CANCEL_DEADLINE_MS = 30_000;
// the long poll holds only a PENDING ticket, so a CONFIRMED one waiting for its cancellation is re-read at this pace
const CANCEL_RECHECK_MAX_MS = 5_000;

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
  // how many cancellations the server accepted; each one is followed until it is applied or the deadline passes
  const [cancelRequests, setCancelRequests] = useState(0);
  const [cancelOverdue, setCancelOverdue] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    const { signal } = abort;
    const cancelling = cancelRequests > 0;
    const deadline = Date.now() + CANCEL_DEADLINE_MS;
    const follow = async () => {
      let current: Ticket | null = null;
      let misses = 0;
      let rechecks = 0;
      while (!signal.aborted) {
        const open = current?.status === 'PENDING' || current?.status === 'CONFIRMED';
        if (cancelling && open && Date.now() >= deadline) {
          setCancelOverdue(true);
          return;
        }
        try {
          current = await tickets.get(ticketId, open ? LONG_POLL_SECONDS : undefined, signal);
          setTicket(current);
          setError(null);
        } catch (e) {
          if (signal.aborted) return;
          const notYet = e instanceof ApiError && e.status === 404 && !current && ++misses < NOT_YET_STORED_ATTEMPTS;
          const transient = e instanceof ApiError && (e.status === 0 || e.status === 429 || e.status >= 500);
          if (!notYet && !transient) {
            setError(e);
            return;
          }
          await sleep((e as ApiError).retryAfterMs ?? RETRY_MS, signal);
          continue;
        }
        if (current.status === 'PENDING') continue;
        if (!cancelling || current.status !== 'CONFIRMED') return;
        // accepted, not applied yet
        await sleep(Math.min(backoffDelay(rechecks++, RETRY_MS, CANCEL_RECHECK_MAX_MS), deadline - Date.now()), signal);
      }
    };
    void follow();
    return () => abort.abort();
  }, [ticketId, cancelRequests]);

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
      {(cancelRequests === 0 || cancelOverdue) && (
        <CancelTicket
          ticket={ticket}
          onCancelled={() => {
            setCancelOverdue(false);
            setCancelRequests((n) => n + 1);
          }}
        />
      )}
      {cancelRequests > 0 && !cancelOverdue && ticket.status === 'CONFIRMED' && <p role="status">Cancelling…</p>}
      {cancelOverdue && (ticket.status === 'CONFIRMED' || ticket.status === 'PENDING') && (
        <p role="alert" className="alert">
          The cancellation has not gone through: the ticket is still {ticket.status === 'PENDING' ? 'pending' : 'confirmed'}.
        </p>
      )}
      <p>
        <Link to="/tickets">All my tickets</Link> · <Link to={`/trips/${ticket.tripId}`}>Trip</Link>
      </p>
    </section>
  );
}
