/**
 * Calendar dates as `YYYY-MM-DD` strings (China time), the form they have in dossiers. ISO dates
 * compare correctly as strings, so most rules compare with `<` and only arithmetic goes through
 * day numbers. Month and year arithmetic clamps to the month end (rules.md §0.2: 「一个月内」 are
 * calendar months; 01-31 plus one month is 02-28/29).
 */
export type IsoDate = string;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Plain integer arithmetic instead of Date objects: an audit of 100,000 dossiers does millions of
// these, and Date construction plus toISOString dominated the profile.
function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const PAD = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function format(y: number, m: number, d: number): IsoDate {
  return `${y}-${PAD[m]}-${PAD[d]}`;
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const m = digits(date, 5, 7);
  const y = digits(date, 0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + digits(date, 8, 10) - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar months, clamped to the month end: addMonths('2026-01-31', 1) = '2026-02-28'. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const index = digits(date, 0, 4) * 12 + (digits(date, 5, 7) - 1) + months;
  const d = digits(date, 8, 10);
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
  let age = digits(on, 0, 4) - digits(birthDate, 0, 4);
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
  // Most timestamps are written in China time already: their date is the first ten characters.
  if (timestamp.endsWith('+08:00')) return timestamp.slice(0, 10);
  return new Date(Date.parse(timestamp) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Today in China; only callers at the edge (CLI, server) use it — rules take `asOf` instead. */
export function chinaToday(now: Date = new Date()): IsoDate {
  return chinaDateOf(now.toISOString());
}
