import { type DossierFile, dossierFileSchema } from './format.ts';
import type { Schema } from './schema-dsl.ts';

/**
 * Writes `xinxue-dossier/1` with keys in the order of the format's tables, absent fields left
 * out (absence means "no record"), so the output is stable and diff-friendly and reads back equal.
 */
function canonical(schema: Schema, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  switch (schema.kind) {
    case 'array':
      return (value as unknown[]).map((item) => canonical(schema.item, item));
    case 'record': {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value as object).sort()) out[key] = canonical(schema.value, (value as Record<string, unknown>)[key]);
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const [name, fieldSchema] of schema.entries) if (record[name] !== undefined) out[name] = canonical(fieldSchema, record[name]);
      return out;
    }
    default:
      return value;
  }
}

export function writeDossierFile(file: DossierFile, options: { indent?: number } = {}): string {
  return `${JSON.stringify(canonical(dossierFileSchema, file), null, options.indent ?? 2)}\n`;
}
