import { idCheckChar, parseIdNumber } from '../idnumber/idnumber.ts';
import { type IsoDate, isIsoDate } from '../calendar/dates.ts';
import { rememberLatestDate, valueAtPath } from './date-fields.ts';
import { type Dossier, type DossierFile, dossierFileSchema, dossierSchema } from './format.ts';
import { type FormatError, childPath, s, validate } from './schema-dsl.ts';

/**
 * Reads `xinxue-dossier/1`. Unknown fields and wrong types are errors naming their JSON path; a
 * file with any error is refused whole (`ok: false`), so no dossier is ever half-judged.
 */
export type ReadResult = { ok: true; file: DossierFile } | { ok: false; errors: FormatError[]; truncated: boolean };

export const MAX_REPORTED_ERRORS = 1000;

/** The file without looking inside the dossiers (each is checked on its own below). */
export const envelopeSchema = s.object({ format: dossierFileSchema.fields.format, dossiers: s.array(s.unknown()) });

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The province prefixes (00–99) parseIdNumber accepts, found by asking it, so they cannot drift from it. */
const provinces: readonly boolean[] = Array.from({ length: 100 }, (_, p) => {
  const body = `${String(p).padStart(2, '0')}0000199001010010`.slice(0, 17);
  return parseIdNumber(body + idCheckChar(body), '2999-12-31').ok;
});

/**
 * The birth date of an ID number exactly as parseIdNumber(id, '2999-12-31') would give it, for the
 * usual form — 18 characters, digits and a final digit or X, nothing to normalise — without its
 * regular expressions and Date objects (it ran for every dossier of a file). Undefined for anything
 * else, which parseIdNumber itself then judges, with its own messages.
 */
export function birthDateOfPlainIdNumber(id: string): IsoDate | undefined {
  if (id.length !== 18) return undefined;
  for (let i = 0; i < 17; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  if (!provinces[(id.charCodeAt(0) - 48) * 10 + id.charCodeAt(1) - 48]) return undefined;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!)) return undefined;
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return undefined;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Rules that span fields: the shape is already known to be right when these run. */
function checkDossier(d: Dossier, path: string, errors: FormatError[]): void {
  const { idNumber, birthDate } = d.person;
  if (idNumber !== undefined) {
    // The birth date is checked against the as-of date by R-NO-FUTURE, not here.
    let idBirthDate = birthDateOfPlainIdNumber(idNumber);
    if (idBirthDate === undefined) {
      const parsed = parseIdNumber(idNumber, '2999-12-31');
      if (!parsed.ok) errors.push({ path: `${path}.person.idNumber`, message: parsed.message });
      else idBirthDate = parsed.birthDate;
    }
    if (idBirthDate !== undefined && birthDate !== undefined && idBirthDate !== birthDate) {
      errors.push({ path: `${path}.person.birthDate`, message: `与公民身份号码中的出生日期 ${idBirthDate} 不一致` });
    }
  }
  for (const key of Object.keys(d.recordedAt ?? {})) {
    const v = valueAtPath(d, key);
    if (typeof v !== 'string' || !isIsoDate(v)) {
      errors.push({ path: childPath(`${path}.recordedAt`, key), message: `“${key}” 不是本档案中已填写的日期字段（应形如 activist.on、notices[0].start）` });
    }
  }
}

/**
 * Checks one dossier of a file (shape, then the cross-field rules, and ids unique across the
 * file); returns it when it has no error. Shared by the whole-file reader and the streaming one.
 */
export class DossierChecker {
  readonly errors: FormatError[] = [];
  private readonly seen = new Map<string, number>();
  /** The latest date of the dossier `check` last returned ('' when it has none). */
  latest: IsoDate = '';

  get full(): boolean {
    return this.errors.length >= MAX_REPORTED_ERRORS;
  }

  /**
   * `latest` given: the value was read by the byte parser, so it matches the schema already and
   * only the checks across fields and across the file remain.
   */
  check(value: unknown, index: number, latest?: IsoDate): Dossier | undefined {
    if (this.full) return undefined;
    const path = `$.dossiers[${index}]`;
    const before = this.errors.length;
    if (latest === undefined) {
      latest = validate(dossierSchema, value, path, this.errors, MAX_REPORTED_ERRORS);
      if (this.errors.length > before) return undefined;
    }
    const d = value as Dossier;
    const first = this.seen.get(d.id);
    if (first !== undefined) this.errors.push({ path: `${path}.id`, message: `档案编号 “${d.id}” 与 $.dossiers[${first}] 重复` });
    else this.seen.set(d.id, index);
    checkDossier(d, path, this.errors);
    if (this.errors.length > before) return undefined;
    this.latest = latest;
    return d;
  }

  failure(): Extract<ReadResult, { ok: false }> {
    return { ok: false, errors: this.errors.slice(0, MAX_REPORTED_ERRORS), truncated: this.full };
  }
}

/** Validates an already parsed JSON value. */
export function readDossierFile(value: unknown): ReadResult {
  const checker = new DossierChecker();
  // The envelope first, then each dossier on its own, so each dossier's latest date is known.
  validate(envelopeSchema, value, '$', checker.errors, MAX_REPORTED_ERRORS);
  if (checker.errors.length === 0) {
    const dossiers = (value as { dossiers: unknown[] }).dossiers;
    for (let i = 0; i < dossiers.length && !checker.full; i++) {
      const d = checker.check(dossiers[i], i);
      if (d) rememberLatestDate(d, checker.latest);
    }
  }
  return checker.errors.length > 0 ? checker.failure() : { ok: true, file: value as DossierFile };
}

/** Parses and validates the text of a file. */
export function readDossierText(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `不是有效的 JSON：${error instanceof Error ? error.message : String(error)}` }], truncated: false };
  }
  return readDossierFile(value);
}
