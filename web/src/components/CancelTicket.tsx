import { useState } from 'react';
import { tickets, type Ticket } from '../api';
import { formatDateTime } from '../format';
import { ConfirmDialog } from './ConfirmDialog';
import { ProblemAlert } from './ProblemAlert';

export function isCancellable(ticket: Ticket, now = Date.now()): boolean {
  return (ticket.status === 'PENDING' || ticket.status === 'CONFIRMED') && new Date(ticket.from.departure).getTime() > now;
}

/** "Cancel ticket" with a confirmation dialog; `onCancelled` runs once the server accepted the request. */
export function CancelTicket({ ticket, onCancelled }: { ticket: Ticket; onCancelled(): void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!isCancellable(ticket)) return null;

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await tickets.cancel(ticket.id);
      setAsking(false);
      onCancelled();
    } catch (e) {
      setError(e);
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cancel-ticket">
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Cancel ticket
      </button>
      <ProblemAlert error={error} />
      {asking && (
        <ConfirmDialog
          title="Cancel this ticket?"
          confirmLabel="Cancel ticket"
          busy={busy}
          onConfirm={cancel}
          onCancel={() => setAsking(false)}
        >
          <p>
            {ticket.from.name} → {ticket.to.name}, {formatDateTime(ticket.from.departure)}
            {ticket.seat ? `, seat ${ticket.seat.number}` : ''}. The seat goes back on sale.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
