import type { IsoDate } from '../calendar/dates.ts';
import { datePathInfo } from '../pipeline/steps.ts';
import { type Dossier, type Notice, dossierSchema } from './format.ts';
import type { Schema } from './schema-dsl.ts';

/**
 * Every dated field of a dossier with its path in the form `recordedAt` uses (`activist.on`,
 * `notices[0].start`, `confirmation.meeting.on`). Walks the schema, so a field added to the format
 * is found without touching this file.
 */
export interface DateField {
  path: string;
  value: IsoDate;
}

function walk(schema: Schema, value: unknown, path: string, out: DateField[]): void {
  if (value === undefined || value === null) return;
  switch (schema.kind) {
    case 'date':
      if (typeof value === 'string') out.push({ path, value });
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(schema.item, item, `${path}[${i}]`, out));
      return;
    case 'object': {
      const record = value as Record<string, unknown>;
      for (const [name, fieldSchema] of schema.entries) walk(fieldSchema, record[name], path ? `${path}.${name}` : name, out);
      return;
    }
    default:
      return;
  }
}

export function dateFields(dossier: Dossier): DateField[] {
  const out: DateField[] = [];
  walk(dossierSchema, dossier, '', out);
  return out;
}

const SEGMENT = /([A-Za-z]+)(?:\[(\d+)\])?/y;

/** The value at a dotted path with optional indices; undefined when the path does not resolve. */
export function valueAtPath(dossier: Dossier, path: string): unknown {
  let current: unknown = dossier;
  for (const part of path.split('.')) {
    SEGMENT.lastIndex = 0;
    const m = SEGMENT.exec(part);
    if (!m || m[0].length !== part.length || current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[m[1]!];
    if (m[2] !== undefined) current = Array.isArray(current) ? current[Number(m[2])] : undefined;
  }
  return current;
}

const noticeSteps: Record<Notice['stage'], number> = { activist: 3, candidate: 7, admission: 15, confirmation: 23 };
const opinionSteps = { keyContact: 3, activist: 3, candidate: 7, admission: 15, confirmation: 23 } as const;

/** The step a dated field belongs to; notices and opinions take it from their stage. */
export function stepOfDatePath(dossier: Dossier, path: string): number {
  const notice = /^notices\[(\d+)\]/.exec(path);
  if (notice) return noticeSteps[dossier.notices?.[Number(notice[1])]?.stage ?? 'candidate'];
  const opinion = /^opinions\[(\d+)\]/.exec(path);
  if (opinion) return opinionSteps[dossier.opinions?.[Number(opinion[1])]?.stage ?? 'candidate'];
  const transfer = /^transfers\[(\d+)\]/.exec(path);
  if (transfer) return dossier.transfers?.[Number(transfer[1])]?.during === 'probation' ? 21 : 6;
  return datePathInfo(path)?.step ?? 1;
}

export function labelOfDatePath(path: string): string {
  return datePathInfo(path)?.label ?? path;
}
