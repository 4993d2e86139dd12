import { parseIdNumber } from '../idnumber/idnumber.ts';
import { isIsoDate } from '../calendar/dates.ts';
import { valueAtPath } from './date-fields.ts';
import { type Dossier, type DossierFile, DOSSIER_FORMAT, dossierFileSchema } from './format.ts';
import { type FormatError, childPath, validate } from './schema-dsl.ts';

/**
 * Reads `xinxue-dossier/1`. Unknown fields and wrong types are errors naming their JSON path; a
 * file with any error is refused whole (`ok: false`), so no dossier is ever half-judged.
 */
export type ReadResult = { ok: true; file: DossierFile } | { ok: false; errors: FormatError[]; truncated: boolean };

export const MAX_REPORTED_ERRORS = 1000;

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

/** Validates an already parsed JSON value. */
export function readDossierFile(value: unknown): ReadResult {
  const errors: FormatError[] = [];
  validate(dossierFileSchema, value, '$', errors, MAX_REPORTED_ERRORS);
  if (errors.length === 0) {
    const file = value as DossierFile;
    const seen = new Map<string, number>();
    file.dossiers.forEach((d, i) => {
      const path = `$.dossiers[${i}]`;
      const first = seen.get(d.id);
      if (first !== undefined) errors.push({ path: `${path}.id`, message: `档案编号 “${d.id}” 与 $.dossiers[${first}] 重复` });
      else seen.set(d.id, i);
      checkDossier(d, path, errors);
    });
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS), truncated: errors.length >= MAX_REPORTED_ERRORS };
  return { ok: true, file: value as DossierFile };
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

/** A one-line description of the format for error messages and help texts. */
export const formatDescription = `${DOSSIER_FORMAT}：{ "format": "${DOSSIER_FORMAT}", "dossiers": [ … ] }`;
