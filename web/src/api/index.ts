import { accessToken, currentRefreshToken, query, request, setTokens, startSession } from './client';
import type {
  BookTicket,
  City,
  Money,
  NewTrip,
  NewWagon,
  Notification,
  Page,
  Review,
  Seat,
  Station,
  Ticket,
  Tokens,
  Train,
  Trip,
  TripOffer,
  User,
} from './types';

export { accessToken, accessTokenExpiresSoon, ApiError, hasStoredSession, onTokensChange, refreshTokens } from './client';
export { backoffDelay } from './retry';
export type { FieldError } from './client';
export * from './types';

const V1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const auth = {
  register: (body: { email: string; password: string; fullName: string }) =>
    request<User>('POST', `${V1}/auth/register`, { body, auth: false }),
  async login(email: string, password: string): Promise<void> {
    startSession(await request<Tokens>('POST', `${V1}/auth/login`, { body: { email, password }, auth: false }));
  },
  async logout(): Promise<void> {
    const refreshToken = currentRefreshToken();
    try {
      if (refreshToken && accessToken()) await request<void>('POST', `${V1}/auth/logout`, { body: { refreshToken } });
    } finally {
      setTokens(null);
    }
  },
  me: () => request<User>('GET', `${V1}/users/me`),
};

export const catalog = {
  cities: (q = '', page = 0, size = 10) => request<Page<City>>('GET', `${V1}/cities${query({ q, page, size })}`),
  createCity: (body: { name: string; country: string }) => request<City>('POST', `${V1}/cities`, { body }),
  stations: (cityId: string, size = 100) => request<Page<Station>>('GET', `${V1}/stations${query({ cityId, size })}`),
  createStation: (body: { name: string; cityId: string; code: string }) =>
    request<Station>('POST', `${V1}/stations`, { body }),
  createTrain: (body: { number: string; name: string; wagons: NewWagon[] }) =>
    request<Train>('POST', `${V1}/trains`, { body }),
  train: (trainId: string) => request<Train>('GET', `${V1}/trains/${id(trainId)}`),
  createTrip: (body: NewTrip) => request<Trip>('POST', `${V1}/trips`, { body }),
  cancelTrip: (tripId: string) => request<Trip | undefined>('DELETE', `${V1}/trips/${id(tripId)}`),
  searchTrips: (from: string, to: string, date: string, page = 0) =>
    request<Page<TripOffer>>('GET', `${V1}/trips${query({ from, to, date, page, size: 50 })}`),
  trip: (tripId: string) => request<Trip>('GET', `${V1}/trips/${id(tripId)}`),
  seats: (tripId: string, from: string, to: string, signal?: AbortSignal) =>
    request<Seat[]>('GET', `${V1}/trips/${id(tripId)}/seats${query({ from, to })}`, { signal }),
  reviews: (tripId: string, page = 0) =>
    request<Page<Review>>('GET', `${V1}/trips/${id(tripId)}/reviews${query({ page, size: 20 })}`),
  postReview: (tripId: string, body: { rating: number; comment: string }) =>
    request<Review>('POST', `${V1}/trips/${id(tripId)}/reviews`, { body }),
};

export const tickets = {
  /** The idempotency key makes a retried booking (after a timeout, a double click) return the same ticket. */
  book: (body: BookTicket, idempotencyKey: string) =>
    request<{ id: string; status: Ticket['status'] }>('POST', `${V1}/tickets`, {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  /** With waitSeconds the server holds the answer until the ticket leaves PENDING (or the time is up). */
  get: (ticketId: string, waitSeconds?: number, signal?: AbortSignal) =>
    request<Ticket>('GET', `${V1}/tickets/${id(ticketId)}${query({ wait: waitSeconds ? `${waitSeconds}s` : undefined })}`, {
      signal,
    }),
  mine: (page = 0, size = 50) => request<Page<Ticket>>('GET', `${V1}/tickets${query({ page, size })}`),
  cancel: (ticketId: string) => request<{ id: string; status: Ticket['status'] }>('DELETE', `${V1}/tickets/${id(ticketId)}`),
};

export const notifications = {
  list: (page = 0, size = 20) => request<Page<Notification>>('GET', `${V1}/notifications${query({ page, size })}`),
  unreadCount: () => request<{ unread: number }>('GET', `${V1}/notifications/unread-count`),
  markRead: (notificationId: string) => request<void>('POST', `${V1}/notifications/${id(notificationId)}/read`),
  /** EventSource cannot send headers, so the stream takes the token as a query parameter. */
  streamUrl: () => `${V1}/notifications/stream${query({ access_token: accessToken() })}`,
};

/** The price of a journey: the fare is per segment between consecutive stops. */
export function segmentPrice(fare: Money, segments: number): Money {
  const cents = Math.round(Number(fare.amount) * 100) * segments;
  return { amount: (cents / 100).toFixed(2), currency: fare.currency };
}

/** A fresh Idempotency-Key; crypto.randomUUID needs a secure context, so fall back to random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
