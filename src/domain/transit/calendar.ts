/**
 * Which services of a GTFS feed run on a given day, and whether the feed is valid that day.
 * A service runs on a date when calendar.txt says so (weekday, within start_date … end_date),
 * then calendar_dates.txt adds (exception_type 1) or removes (2) that date.
 */
import { GtfsError, type GtfsFeed } from './gtfs.ts';

/** A day as YYYYMMDD (GTFS) from "YYYY-MM-DD"; throws a French message on anything else. */
export function gtfsDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== isoDate)
    throw new GtfsError(`Date illisible « ${isoDate} » : AAAA-MM-JJ attendu (2026-03-10).`);
  return `${m[1]}${m[2]}${m[3]}`;
}

const toUtc = (ymd: string) =>
  new Date(Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))));

/** The day `days` after `ymd` (before it when negative), YYYYMMDD. */
export function addDays(ymd: string, days: number): string {
  const d = toUtc(ymd);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

/** 0 = Monday … 6 = Sunday, as the columns of calendar.txt. */
export const weekdayIndex = (ymd: string) => (toUtc(ymd).getUTCDay() + 6) % 7;

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "mardi 10/03/2026". */
export function frenchDay(ymd: string): string {
  return `${WEEKDAYS[weekdayIndex(ymd)]} ${frenchDate(ymd)}`;
}

export const frenchDate = (ymd: string) =>
  `${ymd.slice(6, 8)}/${ymd.slice(4, 6)}/${ymd.slice(0, 4)}`;

/** Service ids running on `ymd`. */
export function activeServices(feed: GtfsFeed, ymd: string): Set<string> {
  const day = weekdayIndex(ymd);
  const active = new Set<string>();
  for (const [id, c] of feed.calendars) {
    if (c.start <= ymd && ymd <= c.end && c.days[day]) active.add(id);
  }
  for (const [id, dates] of feed.calendarDates) {
    const e = dates.get(ymd);
    if (e === 1) active.add(id);
    else if (e === 2) active.delete(id);
  }
  return active;
}

/**
 * The feed's validity: feed_info's dates when it gives them, else from the first to the last day
 * of its calendars (calendar ranges and added dates).
 */
export function feedValidity(feed: GtfsFeed): { start: string; end: string } | null {
  const info = feed.feedInfo;
  if (info?.start && info.end) return { start: info.start, end: info.end };
  let start: string | null = info?.start ?? null;
  let end: string | null = info?.end ?? null;
  const widen = (a: string, b: string) => {
    if (!info?.start && (start === null || a < start)) start = a;
    if (!info?.end && (end === null || b > end)) end = b;
  };
  for (const c of feed.calendars.values()) widen(c.start, c.end);
  for (const dates of feed.calendarDates.values())
    for (const [d, e] of dates) if (e === 1) widen(d, d);
  return start && end ? { start, end } : null;
}

/**
 * Refuses a feed that does not cover the day (GtfsError with the reason in French): outside its
 * validity, or valid but with no trip that day.
 */
export function checkFeedCoversDay(feed: GtfsFeed, ymd: string): void {
  const v = feedValidity(feed);
  if (!v)
    throw new GtfsError(
      `Le flux GTFS « ${feed.name} » n’a aucune date de validité (calendriers vides).`,
    );
  if (ymd < v.start || ymd > v.end)
    throw new GtfsError(
      `Le flux GTFS « ${feed.name} » est valable du ${frenchDate(v.start)} au ${frenchDate(v.end)} : ` +
        `il ne couvre pas le ${frenchDay(ymd)}. Choisissez un jour de sa période (--gtfs-date AAAA-MM-JJ) ` +
        `ou un flux plus récent.`,
    );
  const services = activeServices(feed, ymd);
  if (!feed.trips.some((t) => services.has(t.serviceId)))
    throw new GtfsError(
      `Le flux GTFS « ${feed.name} » ne fait circuler aucune course le ${frenchDay(ymd)} ` +
        `(jour férié, vacances ou week-end ?) : choisissez un jour ouvré de sa période (--gtfs-date).`,
    );
}
