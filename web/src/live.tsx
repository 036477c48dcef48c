import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { accessTokenExpiresSoon, backoffDelay, notifications, refreshTokens, type Notification } from './api';
import { useSession } from './session';

type Listener = (notification: Notification) => void;

type LiveValue = {
  unread: number;
  /** Notifications pushed over the stream since the page loaded, newest first. */
  latest: Notification[];
  markRead(id: string): Promise<void>;
  subscribe(listener: Listener): () => void;
};

const LiveContext = createContext<LiveValue | null>(null);
const RECONNECT_MS = 3_000;
const RECONNECT_MAX_MS = 60_000;

/**
 * The wait before reconnecting a stream that failed `failures` times in a row. It grows because a refused
 * stream (notification-service down, too many streams open) is likely to be refused again right away.
 */
export function streamReconnectDelay(failures: number): number {
  return backoffDelay(failures, RECONNECT_MS, RECONNECT_MAX_MS);
}

/** Keeps the unread count and listens to the user's notification stream (server-sent events). */
export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [unread, setUnread] = useState(0);
  const [latest, setLatest] = useState<Notification[]>([]);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    setLatest([]);
    setUnread(0);
    if (!user) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;

    const loadCount = () =>
      notifications
        .unreadCount()
        .then((r) => !stopped && setUnread(r.unread))
        .catch(() => undefined);

    const onNotification = (event: MessageEvent<string>) => {
      let notification: Notification;
      try {
        notification = JSON.parse(event.data) as Notification;
      } catch {
        return; // a comment or keep-alive
      }
      if (!notification?.id) return;
      setLatest((list) => (list.some((n) => n.id === notification.id) ? list : [notification, ...list]));
      if (!notification.read) setUnread((n) => n + 1);
      listeners.current.forEach((l) => l(notification));
    };

    const connect = () => {
      source = new EventSource(notifications.streamUrl());
      source.onmessage = onNotification;
      source.addEventListener('notification', onNotification as EventListener);
      source.onopen = () => {
        failures = 0;
      };
      source.onerror = () => {
        // the browser retries by itself while the stream is only interrupted; a refused connection
        // (an expired token, notification-service down, too many streams) is closed for good, so reconnect.
        // Only an expiring token is refreshed: refreshing on every failure would use up the refresh rate limit.
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(async () => {
          if (accessTokenExpiresSoon()) await refreshTokens();
          if (!stopped) {
            loadCount();
            connect();
          }
        }, streamReconnectDelay(failures++));
      };
    };

    loadCount();
    if (typeof EventSource !== 'undefined') connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [user]);

  const markRead = useCallback(async (id: string) => {
    await notifications.markRead(id);
    setUnread((n) => Math.max(n - 1, 0));
    setLatest((list) => list.map((n) => (n.id === id ? { ...n, read: true } : n)));
  }, []);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo(() => ({ unread, latest, markRead, subscribe }), [unread, latest, markRead, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveNotifications(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLiveNotifications outside LiveNotificationsProvider');
  return value;
}
