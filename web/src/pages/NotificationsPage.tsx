import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { notifications, type Notification, type Page } from '../api';
import { Pager } from '../components/Pager';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useLiveNotifications } from '../live';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const live = useLiveNotifications();
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<Notification> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());

  useEffect(() => {
    notifications.list(page, PAGE_SIZE).then(setData).catch(setError);
  }, [page]);

  if (error) return <ProblemAlert error={error} />;
  if (!data) return <p role="status">Loading notifications…</p>;

  // pushed notifications go on top of the first page until the next reload lists them
  const pushed = page === 0 ? live.latest.filter((n) => !data.items.some((i) => i.id === n.id)) : [];
  const items = [...pushed, ...data.items].map((n) => (readIds.has(n.id) ? { ...n, read: true } : n));

  const markRead = async (id: string) => {
    try {
      await live.markRead(id);
      setReadIds((ids) => new Set(ids).add(id));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="narrow">
      <h1>Notifications</h1>
      {items.length === 0 && <p className="empty">Nothing yet. Updates about your tickets appear here.</p>}
      <ul className="notifications" aria-live="polite">
        {items.map((n) => (
          <li key={n.id} className={`card${n.read ? '' : ' unread'}`}>
            <div className="ticket-head">
              <strong>{n.title}</strong>
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
            </div>
            <p>{n.body}</p>
            <div className="actions">
              {n.ticketId && <Link to={`/tickets/${n.ticketId}`}>View ticket</Link>}
              {!n.read && (
                <button type="button" onClick={() => markRead(n.id)} aria-label={`Mark "${n.title}" as read`}>
                  Mark as read
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Pager label="Notification pages" page={page} totalItems={data.totalItems} size={data.size} onPage={setPage} />
    </section>
  );
}
