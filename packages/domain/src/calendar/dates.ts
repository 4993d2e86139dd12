/**
 * Calendar dates as `YYYY-MM-DD` strings (China time), the form they have in dossiers. ISO dates
 * compare correctly as strings, so most rules compare with `<` and only arithmetic goes through
 * day numbers. Month and year arithmetic clamps to the month end (rules.md §0.2: 「一个月内」 are
 * calendar months; 01-31 plus one month is 02-28/29).
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function format(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar months, clamped to the month end: addMonths('2026-01-31', 1) = '2026-02-28'. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Calendar years; 02-29 plus one year is 02-28. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** `to − from` in days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Whole years of age on `on`: the birthday itself counts (年满十八岁 on the 18th birthday). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by] = parts(birthDate);
  const [oy] = parts(on);
  let age = oy - by;
  if (on < addYears(birthDate, age)) age -= 1;
  return age;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function maxDate(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}

export function minDate(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d < best)) best = d;
  return best;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 timestamp with a real date, a valid time and an explicit offset. */
export function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m || !isIsoDate(m[1]!)) return false;
  return Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4] ?? 0) <= 59 && !Number.isNaN(Date.parse(text));
}

/** The calendar date in China (UTC+8, no daylight saving) of an ISO timestamp with offset. */
export function chinaDateOf(timestamp: string): IsoDate {
  return new Date(Date.parse(timestamp) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Today in China; only callers at the edge (CLI, server) use it — rules take `asOf` instead. */
export function chinaToday(now: Date = new Date()): IsoDate {
  return chinaDateOf(now.toISOString());
}
