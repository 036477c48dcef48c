import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { accessToken, auth, hasStoredSession, onTokensChange, refreshTokens, type User } from './api';

type SessionValue = {
  user: User | null;
  /** False while a stored session is being restored after a page load. */
  ready: boolean;
  isAdmin: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(!hasStoredSession());

  useEffect(() => {
    if (hasStoredSession()) {
      restoreSession()
        .then((ok) => (ok ? auth.me().then(setUser) : undefined))
        .catch(() => setUser(null))
        .finally(() => setReady(true));
    }
    // a refresh token that was rejected (expired, revoked) ends the session everywhere in the app
    return onTokensChange(() => {
      if (!accessToken()) setUser(null);
    });
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    await auth.login(email, password);
    setUser(await auth.me());
  }, []);

  const logout = useCallback(async () => {
    await auth.logout().catch(() => undefined);
    setUser(null);
  }, []);

  const value = useMemo(
    () => ({ user, ready, isAdmin: user?.roles.includes('ADMIN') ?? false, login, logout }),
    [user, ready, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

const RESTORE_ATTEMPTS = 3;

/**
 * Trades the stored refresh token after a page load. A refusal for now (rate limit, 503, network) keeps the
 * token, so it is tried again a few times (refreshTokens waits for Retry-After) before showing the login.
 */
async function restoreSession(): Promise<boolean> {
  for (let attempt = 0; attempt < RESTORE_ATTEMPTS && hasStoredSession(); attempt++) {
    if (await refreshTokens()) return true;
  }
  return false;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Renders its children for a logged-in user (an admin when `admin`), else sends them to log in. */
export function RequireUser({ admin = false, children }: { admin?: boolean; children: ReactNode }) {
  const { user, ready, isAdmin } = useSession();
  const location = useLocation();
  if (!ready) return <p role="status">Loading…</p>;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (admin && !isAdmin) return <p role="alert">This page is for operators.</p>;
  return <>{children}</>;
}
