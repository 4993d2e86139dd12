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

/** Appends the errors of `value` against `schema` to `errors`; stops adding beyond `limit`. */
export function validate(schema: Schema, value: unknown, path: string, errors: FormatError[], limit = 1000): void {
  if (errors.length >= limit) return;
  switch (schema.kind) {
    case 'string':
      if (typeof value !== 'string') errors.push({ path, message: wrongType('字符串', value) });
      else if (schema.nonEmpty && value.trim() === '') errors.push({ path, message: '不能为空' });
      else if (schema.pattern && !schema.pattern.test(value)) errors.push({ path, message: `格式不正确：应为${schema.patternLabel}` });
      return;
    case 'date':
      if (typeof value !== 'string') errors.push({ path, message: wrongType('日期字符串（YYYY-MM-DD）', value) });
      else if (!isIsoDate(value)) errors.push({ path, message: `“${value}” 不是有效日期，应为 YYYY-MM-DD` });
      return;
    case 'timestamp':
      if (typeof value !== 'string') errors.push({ path, message: wrongType('带时区的时间戳字符串', value) });
      else if (!isTimestamp(value)) errors.push({ path, message: `“${value}” 不是带时区的 ISO 8601 时间戳（如 2026-05-20T09:30:00+08:00）` });
      return;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) errors.push({ path, message: wrongType('整数', value) });
      else if (value < schema.min || value > schema.max) errors.push({ path, message: `应在 ${schema.min} 至 ${schema.max} 之间，实际为 ${value}` });
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ path, message: wrongType('数字', value) });
      else if (value < schema.min) errors.push({ path, message: `不能小于 ${schema.min}` });
      return;
    case 'bool':
      if (typeof value !== 'boolean') errors.push({ path, message: wrongType('布尔值（true/false）', value) });
      return;
    case 'literal':
      if (value !== schema.value) errors.push({ path, message: `应为 “${schema.value}”，实际为 ${JSON.stringify(value)}` });
      return;
    case 'enum':
      if (typeof value !== 'string' || !schema.values.includes(value)) errors.push({ path, message: `应为以下之一：${schema.values.join('、')}；实际为 ${JSON.stringify(value)}` });
      return;
    case 'array':
      if (!Array.isArray(value)) {
        errors.push({ path, message: wrongType('数组', value) });
        return;
      }
      for (let i = 0; i < value.length; i++) validate(schema.item, value[i], `${path}[${i}]`, errors, limit);
      return;
    case 'record':
      if (typeOf(value) !== 'object') {
        errors.push({ path, message: wrongType('对象', value) });
        return;
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) validate(schema.value, v, `${path}[${JSON.stringify(k)}]`, errors, limit);
      return;
    case 'unknown':
      return;
    case 'object': {
      if (typeOf(value) !== 'object') {
        errors.push({ path, message: wrongType('对象', value) });
        return;
      }
      const record = value as Record<string, unknown>;
      for (const [name, fieldSchema, optional] of schema.entries) {
        const v = record[name];
        if (v === undefined) {
          if (!optional) errors.push({ path: `${path}.${name}`, message: '缺少必填字段' });
        } else validate(fieldSchema, v, `${path}.${name}`, errors, limit);
      }
      for (const key in record) if (!schema.known.has(key)) errors.push({ path: childPath(path, key), message: '未知字段（格式中没有此字段）' });
      return;
    }
  }
}
