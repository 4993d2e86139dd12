import chineseDays from 'chinese-days';
import { type IsoDate, fromDayNumber, isIsoDate, toDayNumber, weekday } from './dates.ts';

/**
 * Working days (工作日) per the State Council holiday schedule: Monday–Friday, minus statutory
 * holidays, plus the make-up working days (调休上班) of the same notice. Data come from
 * `chinese-days`, which silently treats a year it has no data for as an ordinary year
 * (reference-data.md §7: it counts 2027-01-01 as a working day). This service refuses such a year
 * with a Chinese error instead, and takes administrator-entered overrides from the State Council
 * notice for a year the package does not know yet (or to correct one it does).
 */

/** One year's schedule as entered by an administrator from the State Council notice. */
export interface CalendarOverride {
  year: number;
  /** Days off (放假), weekend days inside a holiday span included. */
  holidays: IsoDate[];
  /** Make-up working days (调休上班), always a Saturday or Sunday. */
  makeUpWorkdays: IsoDate[];
  /** The notice it was entered from, e.g. 国办发明电〔2026〕X号. */
  source: string;
}

export class CalendarYearMissingError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`没有 ${year} 年的法定节假日和调休安排数据，无法计算工作日；请系统管理员按国务院办公厅 ${year} 年放假安排通知录入`);
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

export class CalendarOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarOverrideError';
  }
}

export interface WorkingDayCalendar {
  /** Throws CalendarYearMissingError for a year without data. */
  isWorkingDay(date: IsoDate): boolean;
  /** Working days d with start ≤ d ≤ end (0 when end < start). */
  workingDaysInclusive(start: IsoDate, end: IsoDate): number;
  /** The n-th working day strictly after `date` (民法典 art. 201: the start day is not counted). */
  nthWorkingDayAfter(date: IsoDate, n: number): IsoDate;
  hasYear(year: number): boolean;
  /** Where a year's schedule comes from. */
  sourceOf(year: number): 'override' | 'chinese-days' | undefined;
  holidaysOf(year: number): IsoDate[];
  makeUpWorkdaysOf(year: number): IsoDate[];
}

interface YearTable {
  origin: 'override' | 'chinese-days';
  firstDay: number;
  /** 1 = working day, indexed by day of year. */
  working: Uint8Array;
  holidays: IsoDate[];
  makeUpWorkdays: IsoDate[];
}

function buildTable(year: number, holidays: readonly IsoDate[], makeUp: readonly IsoDate[], origin: YearTable['origin']): YearTable {
  const firstDay = toDayNumber(`${year}-01-01`);
  const length = toDayNumber(`${year + 1}-01-01`) - firstDay;
  const working = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const wd = (((firstDay + i + 4) % 7) + 7) % 7;
    working[i] = wd >= 1 && wd <= 5 ? 1 : 0;
  }
  const inYear = (d: IsoDate) => d.startsWith(`${year}-`);
  for (const d of holidays) if (inYear(d)) working[toDayNumber(d) - firstDay] = 0;
  for (const d of makeUp) if (inYear(d)) working[toDayNumber(d) - firstDay] = 1;
  return { origin, firstDay, working, holidays: holidays.filter(inYear).sort(), makeUpWorkdays: makeUp.filter(inYear).sort() };
}

/** Reads one year from chinese-days; undefined when the package has no statutory holiday that year. */
function libraryYear(year: number): YearTable | undefined {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  // Every year has at least New Year's Day, so an empty list means "no data", not "no holidays".
  const holidays = chineseDays.getHolidaysInRange(start, end, false);
  if (holidays.length === 0) return undefined;
  const makeUp = chineseDays.getWorkdaysInRange(start, end, true).filter((d) => {
    const wd = weekday(d);
    return wd === 0 || wd === 6;
  });
  return buildTable(year, holidays, makeUp, 'chinese-days');
}

/** Checks an override as entered; throws CalendarOverrideError with a Chinese message. */
export function validateCalendarOverride(o: CalendarOverride): void {
  if (!Number.isInteger(o.year) || o.year < 2000 || o.year > 2100) throw new CalendarOverrideError(`年份 ${o.year} 不正确`);
  if (!o.source.trim()) throw new CalendarOverrideError('须注明依据的国务院办公厅通知');
  const seen = new Set<IsoDate>();
  for (const [list, label] of [[o.holidays, '放假日'], [o.makeUpWorkdays, '调休上班日']] as const) {
    for (const d of list) {
      if (!isIsoDate(d)) throw new CalendarOverrideError(`${label} “${d}” 不是有效日期（YYYY-MM-DD）`);
      // A notice may reach back into the last days of the previous December (元旦 spans).
      if (!d.startsWith(`${o.year}-`) && !d.startsWith(`${o.year - 1}-12-`)) throw new CalendarOverrideError(`${label} ${d} 不属于 ${o.year} 年的放假安排`);
      if (seen.has(d)) throw new CalendarOverrideError(`${d} 重复出现`);
      seen.add(d);
    }
  }
  for (const d of o.makeUpWorkdays) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) throw new CalendarOverrideError(`调休上班日 ${d} 不是周六或周日`);
  }
  if (!o.holidays.some((d) => d.startsWith(`${o.year}-`))) throw new CalendarOverrideError(`${o.year} 年的放假安排至少应包含一个放假日（元旦）`);
}

/**
 * Builds the calendar. An override replaces the package's data for its year entirely (the notice
 * is the authority); its December-of-the-previous-year dates amend that year.
 */
export function createWorkingDayCalendar(options: { overrides?: readonly CalendarOverride[] } = {}): WorkingDayCalendar {
  const overrides = new Map<number, CalendarOverride>();
  for (const o of options.overrides ?? []) {
    validateCalendarOverride(o);
    overrides.set(o.year, o);
  }
  const cache = new Map<number, YearTable | null>();

  function table(year: number): YearTable | undefined {
    let t = cache.get(year);
    if (t === undefined) {
      const o = overrides.get(year);
      if (o) t = buildTable(year, o.holidays, o.makeUpWorkdays, 'override');
      else t = libraryYear(year) ?? null;
      // Amendments reaching into this year from next year's notice.
      const next = overrides.get(year + 1);
      if (t && next) {
        const amended = buildTable(year, [...t.holidays, ...next.holidays], [...t.makeUpWorkdays, ...next.makeUpWorkdays], t.origin);
        t = amended;
      }
      cache.set(year, t);
    }
    return t ?? undefined;
  }

  // Notices span a few days, so consecutive look-ups almost always hit the same year.
  let last: YearTable | undefined;
  function isWorkingDayNumber(day: number): boolean {
    if (last && day >= last.firstDay && day - last.firstDay < last.working.length) return last.working[day - last.firstDay] === 1;
    const date = fromDayNumber(day);
    const year = Number(date.slice(0, 4));
    const t = table(year);
    if (!t) throw new CalendarYearMissingError(year);
    last = t;
    return t.working[day - t.firstDay] === 1;
  }

  return {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    workingDaysInclusive(start, end) {
      let count = 0;
      for (let day = toDayNumber(start), last = toDayNumber(end); day <= last; day++) if (isWorkingDayNumber(day)) count++;
      return count;
    },
    nthWorkingDayAfter(date, n) {
      let day = toDayNumber(date);
      for (let left = n; left > 0; ) {
        day += 1;
        if (isWorkingDayNumber(day)) left -= 1;
      }
      return fromDayNumber(day);
    },
    hasYear: (year) => table(year) !== undefined,
    sourceOf: (year) => table(year)?.origin,
    holidaysOf: (year) => [...(table(year)?.holidays ?? [])],
    makeUpWorkdaysOf: (year) => [...(table(year)?.makeUpWorkdays ?? [])],
  };
}
