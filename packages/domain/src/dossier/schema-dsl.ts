import { isIsoDate, isTimestamp } from '../calendar/dates.ts';

/**
 * A small declarative schema for the interchange format. Why not zod: a file of 100,000 dossiers
 * must be checked in well under a second or two (zod 4 took ~19–31 µs per dossier here, this takes
 * a few), and every error — not just the first — must be reported with its JSON path and a Chinese
 * message. Types are inferred from the schema, so the TypeScript types cannot drift from it.
 * Object keys ending in `?` are optional, as in dossier-format.md.
 */
export type Schema =
  | { kind: 'string'; nonEmpty: boolean; pattern?: RegExp; patternLabel?: string }
  | { kind: 'date' }
  | { kind: 'timestamp' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number }
  | { kind: 'bool' }
  | { kind: 'literal'; value: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; item: Schema }
  | { kind: 'record'; value: Schema }
  | { kind: 'unknown' }
  | ObjectSchema<Record<string, Schema>>;

export interface ObjectSchema<F extends Record<string, Schema>> {
  kind: 'object';
  fields: F;
  /** Field name → [schema, optional], precomputed for speed. */
  entries: [string, Schema, boolean][];
  known: Set<string>;
}

export const s = {
  string: (options: { nonEmpty?: boolean; pattern?: RegExp; patternLabel?: string } = {}) =>
    ({ kind: 'string', nonEmpty: options.nonEmpty ?? false, ...(options.pattern ? { pattern: options.pattern, patternLabel: options.patternLabel ?? options.pattern.source } : {}) }) as const,
  date: () => ({ kind: 'date' }) as const,
  timestamp: () => ({ kind: 'timestamp' }) as const,
  int: (min = 0, max = Number.MAX_SAFE_INTEGER) => ({ kind: 'int', min, max }) as const,
  number: (min = 0) => ({ kind: 'number', min }) as const,
  bool: () => ({ kind: 'bool' }) as const,
  literal: <V extends string>(value: V) => ({ kind: 'literal', value }) as const,
  enum: <V extends readonly string[]>(values: V) => ({ kind: 'enum', values }) as const,
  array: <I extends Schema>(item: I) => ({ kind: 'array', item }) as const,
  record: <V extends Schema>(value: V) => ({ kind: 'record', value }) as const,
  /** Any JSON value; checked by the caller (rule parameters are checked against each rule). */
  unknown: () => ({ kind: 'unknown' }) as const,
  object: <F extends Record<string, Schema>>(fields: F): ObjectSchema<F> => {
    const entries: [string, Schema, boolean][] = Object.entries(fields).map(([k, v]) => (k.endsWith('?') ? [k.slice(0, -1), v, true] : [k, v, false]));
    return { kind: 'object', fields, entries, known: new Set(entries.map((e) => e[0])) };
  },
};

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<F> = { [K in keyof F]: K extends `${string}?` ? K : never }[keyof F];
type RequiredKeys<F> = Exclude<keyof F, OptionalKeys<F>>;
type Strip<K> = K extends `${infer N}?` ? N : K;

export type Infer<S> = S extends { kind: 'string' }
  ? string
  : S extends { kind: 'date' } | { kind: 'timestamp' }
    ? string
    : S extends { kind: 'int' } | { kind: 'number' }
      ? number
      : S extends { kind: 'bool' }
        ? boolean
        : S extends { kind: 'literal'; value: infer V }
          ? V
          : S extends { kind: 'enum'; values: readonly (infer V)[] }
            ? V
            : S extends { kind: 'array'; item: infer I }
              ? Infer<I>[]
              : S extends { kind: 'record'; value: infer V }
                ? Record<string, Infer<V>>
                : S extends { kind: 'unknown' }
                  ? unknown
                  : S extends ObjectSchema<infer F>
                  ? Simplify<{ [K in RequiredKeys<F>]: Infer<F[K]> } & { [K in OptionalKeys<F> as Strip<K>]?: Infer<F[K]> }>
                    : never;

export interface FormatError {
  /** JSON path, e.g. `$.dossiers[3].talk.on`. */
  path: string;
  message: string;
}

const typeNames: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
  null: 'null',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function wrongType(expected: string, value: unknown): string {
  return `应为${expected}，实际为${typeNames[typeOf(value)] ?? typeOf(value)}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$.a.b` for plain names, `$.a["键 名"]` otherwise, so every path can be read back. */
export function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A path kept as segments and joined only when an error is reported (most values have none). */
type Segments = (string | number)[];

function join(root: string, segs: Segments): string {
  let path = root;
  for (const seg of segs) path = typeof seg === 'number' ? `${path}[${seg}]` : childPath(path, seg);
  return path;
}

interface Run {
  root: string;
  segs: Segments;
  errors: FormatError[];
  limit: number;
  /** The latest valid date seen: the auditor's R-NO-FUTURE reuses it instead of walking again. */
  latest: string;
}

type Check = (value: unknown, run: Run) => void;

function fail(run: Run, message: string, extra?: string | number): void {
  if (run.errors.length >= run.limit) return;
  if (extra !== undefined) run.segs.push(extra);
  run.errors.push({ path: join(run.root, run.segs), message });
  if (extra !== undefined) run.segs.pop();
}

/**
 * Compiles a schema into nested closures once, so checking a value is a chain of direct calls
 * (no dispatch on the schema kind per value): the reader checks every field of every dossier.
 */
function compile(schema: Schema): Check {
  switch (schema.kind) {
    case 'string': {
      const { nonEmpty, pattern, patternLabel } = schema;
      return (value, run) => {
        if (typeof value !== 'string') fail(run, wrongType('字符串', value));
        else if (nonEmpty && value.trim() === '') fail(run, '不能为空');
        else if (pattern && !pattern.test(value)) fail(run, `格式不正确：应为${patternLabel}`);
      };
    }
    case 'date':
      return (value, run) => {
        if (typeof value !== 'string') fail(run, wrongType('日期字符串（YYYY-MM-DD）', value));
        else if (!isIsoDate(value)) fail(run, `“${value}” 不是有效日期，应为 YYYY-MM-DD`);
        else if (value > run.latest) run.latest = value;
      };
    case 'timestamp':
      return (value, run) => {
        if (typeof value !== 'string') fail(run, wrongType('带时区的时间戳字符串', value));
        else if (!isTimestamp(value)) fail(run, `“${value}” 不是带时区的 ISO 8601 时间戳（如 2026-05-20T09:30:00+08:00）`);
      };
    case 'int': {
      const { min, max } = schema;
      return (value, run) => {
        if (typeof value !== 'number' || !Number.isInteger(value)) fail(run, wrongType('整数', value));
        else if (value < min || value > max) fail(run, `应在 ${min} 至 ${max} 之间，实际为 ${value}`);
      };
    }
    case 'number': {
      const { min } = schema;
      return (value, run) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) fail(run, wrongType('数字', value));
        else if (value < min) fail(run, `不能小于 ${min}`);
      };
    }
    case 'bool':
      return (value, run) => {
        if (typeof value !== 'boolean') fail(run, wrongType('布尔值（true/false）', value));
      };
    case 'literal': {
      const expected = schema.value;
      return (value, run) => {
        if (value !== expected) fail(run, `应为 “${expected}”，实际为 ${JSON.stringify(value)}`);
      };
    }
    case 'enum': {
      const values = new Set(schema.values);
      const label = schema.values.join('、');
      return (value, run) => {
        if (typeof value !== 'string' || !values.has(value)) fail(run, `应为以下之一：${label}；实际为 ${JSON.stringify(value)}`);
      };
    }
    case 'unknown':
      return () => undefined;
    case 'array': {
      const item = compile(schema.item);
      return (value, run) => {
        if (!Array.isArray(value)) return fail(run, wrongType('数组', value));
        for (let i = 0; i < value.length && run.errors.length < run.limit; i++) {
          run.segs.push(i);
          item(value[i], run);
          run.segs.pop();
        }
      };
    }
    case 'record': {
      const item = compile(schema.value);
      return (value, run) => {
        if (typeOf(value) !== 'object') return fail(run, wrongType('对象', value));
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          run.segs.push(k);
          item(v, run);
          run.segs.pop();
        }
      };
    }
    case 'object': {
      const names = schema.entries.map((e) => e[0]);
      const checks = schema.entries.map((e) => compile(e[1]));
      const optional = schema.entries.map((e) => e[2]);
      const known = schema.known;
      return (value, run) => {
        if (typeOf(value) !== 'object') return fail(run, wrongType('对象', value));
        const record = value as Record<string, unknown>;
        let present = 0;
        for (let i = 0; i < names.length; i++) {
          const name = names[i]!;
          const v = record[name];
          if (v === undefined) {
            if (!optional[i]) fail(run, '缺少必填字段', name);
            continue;
          }
          present += 1;
          run.segs.push(name);
          checks[i]!(v, run);
          run.segs.pop();
        }
        // Counting first avoids scanning keys in the usual case where every key is known.
        const keys = Object.keys(record);
        if (keys.length !== present) for (const key of keys) if (!known.has(key)) fail(run, '未知字段（格式中没有此字段）', key);
      };
    }
  }
}

const compiledChecks = new WeakMap<Schema, Check>();

/**
 * Appends the errors of `value` against `schema` to `errors`; stops adding beyond `limit`.
 * Returns the latest date found ('' when none).
 */
export function validate(schema: Schema, value: unknown, path: string, errors: FormatError[], limit = 1000): string {
  let check = compiledChecks.get(schema);
  if (!check) compiledChecks.set(schema, (check = compile(schema)));
  const run: Run = { root: path, segs: [], errors, limit, latest: '' };
  check(value, run);
  return run.latest;
}
