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

export type Segments = (string | number)[];

/** `notices[0].start` from its segments. */
export function pathOf(segs: Segments): string {
  let path = '';
  for (const seg of segs) path = typeof seg === 'number' ? `${path}[${seg}]` : path ? `${path}.${seg}` : seg;
  return path;
}

type Visit = (value: IsoDate, segs: Segments) => void;

/** Visits every date with its path as segments (joined by `pathOf` only when needed). */
function walk(schema: Schema, value: unknown, segs: Segments, visit: Visit): void {
  switch (schema.kind) {
    case 'date':
      if (typeof value === 'string') visit(value, segs);
      return;
    case 'array':
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        segs.push(i);
        walk(schema.item, value[i], segs, visit);
        segs.pop();
      }
      return;
    case 'object': {
      const record = value as Record<string, unknown>;
      const entries = schema.entries;
      for (let i = 0; i < entries.length; i++) {
        const [name, fieldSchema] = entries[i]!;
        const v = record[name];
        if (v === undefined || v === null) continue;
        segs.push(name);
        walk(fieldSchema, v, segs, visit);
        segs.pop();
      }
      return;
    }
    default:
      return;
  }
}

type Latest = (value: unknown, best: IsoDate) => IsoDate;

/** Compiled once from the schema: the latest date anywhere in a dossier, without building paths. */
function compileLatest(schema: Schema): Latest | undefined {
  switch (schema.kind) {
    case 'date':
      return (value, best) => (typeof value === 'string' && value > best ? value : best);
    case 'array': {
      const item = compileLatest(schema.item);
      if (!item) return undefined;
      return (value, best) => {
        if (!Array.isArray(value)) return best;
        for (let i = 0; i < value.length; i++) best = item(value[i], best);
        return best;
      };
    }
    case 'object': {
      const fields: [string, Latest][] = [];
      for (const [name, fieldSchema] of schema.entries) {
        const f = compileLatest(fieldSchema);
        if (f) fields.push([name, f]);
      }
      if (fields.length === 0) return undefined;
      return (value, best) => {
        if (value === null || typeof value !== 'object') return best;
        const record = value as Record<string, unknown>;
        for (let i = 0; i < fields.length; i++) {
          const [name, f] = fields[i]!;
          const v = record[name];
          if (v !== undefined) best = f(v, best);
        }
        return best;
      };
    }
    default:
      return undefined;
  }
}

const latest = compileLatest(dossierSchema)!;

const known = new WeakMap<Dossier, IsoDate>();

/** Remembers a dossier's latest date found while reading it, so the audit need not walk it again. */
export function rememberLatestDate(dossier: Dossier, date: IsoDate): void {
  known.set(dossier, date);
}

/** The latest date in the dossier ('' when it has none). */
export function latestDate(dossier: Dossier): IsoDate {
  return known.get(dossier) ?? latest(dossier, '');
}

export function forEachDate(dossier: Dossier, visit: Visit): void {
  walk(dossierSchema, dossier, [], visit);
}

export function dateFields(dossier: Dossier): DateField[] {
  const out: DateField[] = [];
  forEachDate(dossier, (value, segs) => out.push({ path: pathOf(segs), value }));
  return out;
}

const SEGMENT = /^([A-Za-z]+)(?:\[(\d+)\])?$/;
const compiled = new Map<string, ((d: Dossier) => unknown) | null>();

/** Compiles a path once into [name, index?] steps; rules read the same few paths for every dossier. */
function compile(path: string): ((d: Dossier) => unknown) | null {
  const steps: [string, number | undefined][] = [];
  for (const part of path.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) return null;
    steps.push([m[1]!, m[2] === undefined ? undefined : Number(m[2])]);
  }
  return (d) => {
    let current: unknown = d;
    for (let i = 0; i < steps.length; i++) {
      if (current === null || typeof current !== 'object') return undefined;
      const [name, index] = steps[i]!;
      current = (current as Record<string, unknown>)[name];
      if (index !== undefined) current = Array.isArray(current) ? current[index] : undefined;
    }
    return current;
  };
}

/** The value at a dotted path with optional indices; undefined when the path does not resolve. */
export function valueAtPath(dossier: Dossier, path: string): unknown {
  let getter = compiled.get(path);
  if (getter === undefined) {
    getter = compile(path);
    // Indexed paths come from files (recordedAt keys) and are unbounded; cache only plain ones.
    if (!path.includes('[')) compiled.set(path, getter);
  }
  return getter ? getter(dossier) : undefined;
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
