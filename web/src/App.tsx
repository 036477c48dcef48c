import { BrowserRouter, Link, NavLink, Route, Routes, useNavigate } from 'react-router';
import { LiveNotificationsProvider, useLiveNotifications } from './live';
import { AdminPage } from './pages/AdminPage';
import { LoginPage, RegisterPage } from './pages/AuthPages';
import { MyTicketsPage } from './pages/MyTicketsPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { SearchPage } from './pages/SearchPage';
import { TicketPage } from './pages/TicketPage';
import { TripPage } from './pages/TripPage';
import { RequireUser, SessionProvider, useSession } from './session';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <LiveNotificationsProvider>
          <Layout />
        </LiveNotificationsProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}

function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main">
        <Routes>
          <Route path="/" element={<SearchPage />} />
          <Route path="/trips/:tripId" element={<TripPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/tickets" element={<RequireUser><MyTicketsPage /></RequireUser>} />
          <Route path="/tickets/:ticketId" element={<RequireUser><TicketPage /></RequireUser>} />
          <Route path="/notifications" element={<RequireUser><NotificationsPage /></RequireUser>} />
          <Route path="/admin" element={<RequireUser admin><AdminPage /></RequireUser>} />
          <Route path="*" element={<p>This page does not exist. <Link to="/">Search trains</Link></p>} />
        </Routes>
      </main>
    </>
  );
}

function Header() {
  const { user, isAdmin, logout } = useSession();
  const navigate = useNavigate();
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        Ticketing
      </Link>
      <nav aria-label="Main">
        <NavLink to="/" end>
          Search
        </NavLink>
        {user && <NavLink to="/tickets">My tickets</NavLink>}
        {user && <NotificationsLink />}
        {isAdmin && <NavLink to="/admin">Operator</NavLink>}
        {user ? (
          <button
            type="button"
            className="link"
            onClick={async () => {
              await logout();
              navigate('/');
            }}
          >
            Log out
          </button>
        ) : (
          <>
            <NavLink to="/login">Log in</NavLink>
            <NavLink to="/register">Register</NavLink>
          </>
        )}
      </nav>
    </header>
  );
}

function NotificationsLink() {
  const { unread } = useLiveNotifications();
  return (
    <NavLink to="/notifications" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      Notifications
      {unread > 0 && (
        <span className="count" data-testid="unread-badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </NavLink>
  );
}
