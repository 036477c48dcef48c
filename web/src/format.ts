import type { Money, StationRef } from './api';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function formatWith(format: Intl.DateTimeFormat, iso?: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

export const formatDateTime = (iso?: string | null) => formatWith(dateTime, iso);
export const formatTime = (iso?: string | null) => formatWith(time, iso);

export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

export function formatMoney(money?: Money | null): string {
  if (!money) return '';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(Number(money.amount));
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

export function stationName(station: StationRef): string {
  return typeof station === 'string' ? station : (station.name ?? station.stationName ?? '');
}

/** Today's date as YYYY-MM-DD in the user's time zone, for date inputs. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** A datetime-local input value (local time) as an ISO instant, or undefined when empty. */
export function localToIso(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
