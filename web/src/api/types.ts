// Shapes of the public API (shared/API.md and docs/service-contracts.md).

export type Money = { amount: string; currency: string };
export type SeatClass = 'FIRST' | 'SECOND';
export const SEAT_CLASSES: SeatClass[] = ['FIRST', 'SECOND'];

export type Page<T> = { items: T[]; page: number; size: number; totalItems: number };

export type User = { id: string; email: string; fullName: string; roles: string[] };
export type Tokens = { accessToken: string; refreshToken: string; tokenType: string; expiresIn: number };

export type City = { id: string; name: string; country: string };
export type Station = { id: string; name: string; code: string; cityId: string; cityName?: string };

export type NewWagon = { number: number; seatClass: SeatClass; seats: number };
export type Train = { id: string; number: string; name: string; wagons: { number: number; seatClass: SeatClass }[] };

export type Stop = {
  index: number;
  stationId: string;
  stationName: string;
  cityId: string;
  arrival?: string | null;
  departure?: string | null;
};
export type Trip = {
  id: string;
  trainId: string;
  trainNumber: string;
  status: 'SCHEDULED' | 'CANCELLED';
  stops: Stop[];
  fares: Partial<Record<SeatClass, Money>>;
};
export type NewTrip = {
  trainId: string;
  stops: { stationId: string; arrival?: string; departure?: string }[];
  fares: Partial<Record<SeatClass, Money>>;
};

/** A station as a search result names it: the contract leaves the exact shape open, so accept the usual ones. */
export type StationRef = string | { stationId?: string; id?: string; name?: string; stationName?: string };
export type TripOffer = {
  id: string;
  trainNumber: string;
  fromStation: StationRef;
  toStation: StationRef;
  departure: string;
  arrival: string;
  durationMinutes: number;
  classes: { seatClass: SeatClass; price: Money; freeSeats: number }[];
};

export type Seat = { id: string; wagon: number; number: string; seatClass: SeatClass; free: boolean };

export type Review = { id: string; tripId: string; userId: string; rating: number; comment: string; createdAt: string };

export type TicketStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | 'EXPIRED';
export type Ticket = {
  id: string;
  status: TicketStatus;
  tripId: string;
  from: { stationId: string; name: string; departure: string };
  to: { stationId: string; name: string; arrival: string };
  seat?: { id: string; wagon: number; number: string; seatClass: SeatClass } | null;
  passengerName: string;
  price?: Money | null;
  reason?: string | null;
  createdAt: string;
  updatedAt: string;
};
export type BookTicket = {
  tripId: string;
  fromStationId: string;
  toStationId: string;
  seatId?: string;
  seatClass?: SeatClass;
  passengerName: string;
};

export type NotificationType = 'WELCOME' | 'TICKET_BOOKED' | 'TICKET_REJECTED' | 'TICKET_CANCELLED' | 'TICKET_EXPIRED';
export type Notification = {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  ticketId?: string | null;
  createdAt: string;
  read: boolean;
};
