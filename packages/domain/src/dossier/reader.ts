import { parseIdNumber } from '../idnumber/idnumber.ts';
import { isIsoDate } from '../calendar/dates.ts';
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

/** Rules that span fields: the shape is already known to be right when these run. */
function checkDossier(d: Dossier, path: string, errors: FormatError[]): void {
  const { idNumber, birthDate } = d.person;
  if (idNumber !== undefined) {
    // The birth date is checked against the as-of date by R-NO-FUTURE, not here.
    const parsed = parseIdNumber(idNumber, '2999-12-31');
    if (!parsed.ok) errors.push({ path: `${path}.person.idNumber`, message: parsed.message });
    else if (birthDate !== undefined && parsed.birthDate !== birthDate) {
      errors.push({ path: `${path}.person.birthDate`, message: `与公民身份号码中的出生日期 ${parsed.birthDate} 不一致` });
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

  get full(): boolean {
    return this.errors.length >= MAX_REPORTED_ERRORS;
  }

  check(value: unknown, index: number): Dossier | undefined {
    if (this.full) return undefined;
    const path = `$.dossiers[${index}]`;
    const before = this.errors.length;
    const latest = validate(dossierSchema, value, path, this.errors, MAX_REPORTED_ERRORS);
    if (this.errors.length > before) return undefined;
    const d = value as Dossier;
    const first = this.seen.get(d.id);
    if (first !== undefined) this.errors.push({ path: `${path}.id`, message: `档案编号 “${d.id}” 与 $.dossiers[${first}] 重复` });
    else this.seen.set(d.id, index);
    checkDossier(d, path, this.errors);
    if (this.errors.length > before) return undefined;
    rememberLatestDate(d, latest);
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
    for (let i = 0; i < dossiers.length && !checker.full; i++) checker.check(dossiers[i], i);
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
